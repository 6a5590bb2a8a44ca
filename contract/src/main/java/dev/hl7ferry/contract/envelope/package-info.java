/**
 * The versioned JSON envelopes that travel over SQS between the edge and the converter, carrying
 * their payload inline (version 2) or as a claim check pointing at an S3 object (versions 1 and 2),
 * defined once for the writer and the reader of each direction, with the one inline rule ({@link
 * dev.hl7ferry.contract.envelope.InlinePolicy}) both sides apply.
 */
package dev.hl7ferry.contract.envelope;
