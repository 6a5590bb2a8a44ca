/**
 * Per-record work of the function, free of AWS types: fetch and verify the payload, convert, store
 * and send each output under deterministic keys, leave error records, and apply the partial-batch
 * rules. The cloud is reached through {@link dev.hl7ferry.converter.dispatch.PayloadStore} and
 * {@link dev.hl7ferry.converter.dispatch.OutboundQueues}.
 */
package dev.hl7ferry.converter.dispatch;
