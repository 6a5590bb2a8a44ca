package dev.hl7ferry.edge.spool;

import java.time.Instant;

/**
 * One stored message as read back from the spool.
 *
 * @param sequence monotonically increasing receive order
 * @param id deterministic id: digest of sending application/facility, control id and payload
 * @param message the stored message and its header fields
 * @param state received, shipped or quarantined
 * @param attempts how many times shipping was tried
 * @param controlIdReused another entry has the same sender and control id with other bytes
 * @param shippedAt when it was marked shipped, or null
 * @param reason the last shipping or delivery failure, or why it was set aside; null when none
 */
public record SpoolEntry(
    long sequence,
    String id,
    IncomingMessage message,
    EntryState state,
    int attempts,
    boolean controlIdReused,
    Instant shippedAt,
    String reason) {}
