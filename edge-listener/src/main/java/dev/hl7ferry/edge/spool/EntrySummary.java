package dev.hl7ferry.edge.spool;

import java.time.Instant;

/**
 * One entry as listed for people: header facts only, never the payload.
 *
 * @param sequence receive order
 * @param id deterministic entry id
 * @param controlId MSH-10
 * @param messageType MSH-9 raw
 * @param state received, shipped or quarantined
 * @param receivedAt when the frame was complete
 * @param size payload bytes
 * @param attempts shipping attempts so far
 * @param controlIdReused another entry has the same sender and control id with other bytes
 * @param shippedAt when it was marked shipped, or null
 * @param reason the last failure, or why it was set aside; null when none
 * @param sendingApplication MSH-3 (in the outbound store: the destination)
 */
public record EntrySummary(
    long sequence,
    String id,
    String controlId,
    String messageType,
    EntryState state,
    Instant receivedAt,
    int size,
    int attempts,
    boolean controlIdReused,
    Instant shippedAt,
    String reason,
    String sendingApplication) {}
