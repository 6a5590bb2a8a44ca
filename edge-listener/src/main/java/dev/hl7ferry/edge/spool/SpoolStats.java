package dev.hl7ferry.edge.spool;

import java.time.Instant;

/**
 * Counts and payload bytes per entry state.
 *
 * @param received entries not yet shipped (the quota counts these)
 * @param receivedBytes payload bytes of those entries
 * @param shipped entries shipped and kept until retention prunes them
 * @param shippedBytes payload bytes of those entries
 * @param quarantined entries set aside with a reason (kept until retried or dropped)
 * @param quarantinedBytes payload bytes of those entries
 * @param oldestUnshipped receive time of the oldest entry not yet shipped, or null
 */
public record SpoolStats(
    long received,
    long receivedBytes,
    long shipped,
    long shippedBytes,
    long quarantined,
    long quarantinedBytes,
    Instant oldestUnshipped) {

  /** All entries held. */
  public long total() {
    return received + shipped + quarantined;
  }
}
