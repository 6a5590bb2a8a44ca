package dev.hl7ferry.edge.spool;

/**
 * The result of a durable store.
 *
 * @param id the entry's deterministic id
 * @param sequence the entry's spool sequence (receive order); for a duplicate, the held entry's
 * @param outcome what happened
 */
public record StoreResult(String id, long sequence, StoreOutcome outcome) {}
