/**
 * Retry timing shared by the edge's retrying parts (the shipper, the spool index): one {@link
 * dev.hl7ferry.edge.retry.Backoff} policy, exponential with optional jitter.
 */
package dev.hl7ferry.edge.retry;
