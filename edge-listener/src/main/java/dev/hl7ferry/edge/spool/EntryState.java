package dev.hl7ferry.edge.spool;

/** Where a spooled entry is in its life. */
public enum EntryState {
  /** Durably stored, not yet confirmed in the cloud. */
  RECEIVED,
  /** Payload in S3 and pointer in SQS, both confirmed (outbound: delivered). */
  SHIPPED,
  /**
   * Set aside with a reason: refused by the cloud for good (inbound) or dead-lettered (outbound).
   * The line moves on without it; a retry puts it back to {@link #RECEIVED}. Kept until retried or
   * dropped, and counted by the quota like an unshipped entry since it holds the same disk.
   */
  QUARANTINED
}
