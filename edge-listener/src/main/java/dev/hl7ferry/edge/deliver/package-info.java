/**
 * Outbound delivery: {@link dev.hl7ferry.edge.deliver.Destination}s that hand one rendered output
 * to a hospital system (MLLP, a directory, HTTP) and say how it went, and the per-destination
 * {@link dev.hl7ferry.edge.deliver.DeliveryLoop} that takes outputs from an {@link
 * dev.hl7ferry.edge.deliver.OutboundQueue} in order and applies the retry and dead-letter rules.
 */
package dev.hl7ferry.edge.deliver;
