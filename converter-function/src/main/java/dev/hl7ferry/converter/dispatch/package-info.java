/**
 * Per-record work of the function, free of AWS types: take and verify the payload, convert, send
 * each output (inline in its envelope, or stored under a deterministic key as a claim check, by
 * {@link dev.hl7ferry.contract.envelope.InlinePolicy}), leave error records, and apply the
 * partial-batch rules. The cloud is reached through {@link
 * dev.hl7ferry.converter.dispatch.PayloadStore} and {@link
 * dev.hl7ferry.converter.dispatch.OutboundQueues}.
 */
package dev.hl7ferry.converter.dispatch;
