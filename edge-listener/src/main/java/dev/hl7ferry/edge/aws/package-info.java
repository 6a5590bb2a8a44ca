/**
 * The AWS side of shipping: S3 and SQS clients built from {@link
 * dev.hl7ferry.edge.ship.CloudSettings}, the {@link dev.hl7ferry.edge.ship.PayloadStore} and {@link
 * dev.hl7ferry.edge.ship.EnvelopeQueue} over them, the tellers of outages from permanent refusals,
 * and the reader that finds one message in a batch archive. The only package of the edge that names
 * AWS SDK types.
 */
package dev.hl7ferry.edge.aws;
