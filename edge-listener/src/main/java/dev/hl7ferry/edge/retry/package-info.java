/**
 * Retry timing shared by the edge's retrying parts (the shipper, the spool index, outbound): one
 * {@link dev.hl7ferry.edge.retry.Backoff} policy, exponential with optional jitter, and {@link
 * dev.hl7ferry.edge.retry.RetryingLoop} for a thread that retries its rounds with it.
 */
package dev.hl7ferry.edge.retry;
