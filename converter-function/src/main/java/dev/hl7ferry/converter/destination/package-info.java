/**
 * Cloud destinations: where a route's output goes when it is not for an edge (a vendor's SQS queue,
 * EventBridge bus, S3 prefix or HTTPS webhook), the delivery of one output there with its
 * deterministic id, and the webhook signature. AWS types stay in the {@code aws} package.
 */
package dev.hl7ferry.converter.destination;
