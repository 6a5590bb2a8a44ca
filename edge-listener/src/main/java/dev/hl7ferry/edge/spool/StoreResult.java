package dev.hl7ferry.edge.spool;

/** The result of a durable store: the entry's deterministic id and what happened. */
public record StoreResult(String id, StoreOutcome outcome) {}
