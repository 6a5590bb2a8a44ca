/**
 * The versioned JSON envelopes that travel over SQS between the edge and the converter (claim
 * checks pointing at S3 objects), defined once for the writer and the reader of each direction.
 */
package dev.hl7ferry.contract.envelope;
