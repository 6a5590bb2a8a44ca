/**
 * The AWS side of shipping: S3 and SQS clients built from {@link
 * dev.hl7ferry.edge.ship.CloudSettings}, and the {@link dev.hl7ferry.edge.ship.PayloadStore} and
 * {@link dev.hl7ferry.edge.ship.EnvelopeQueue} over them. The only package of the edge that names
 * AWS SDK types.
 */
package dev.hl7ferry.edge.aws;
