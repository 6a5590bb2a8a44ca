package dev.hl7ferry.edge.spool;

/** Where a spooled entry is in its life. */
public enum EntryState {
  /** Durably stored, not yet confirmed in the cloud. */
  RECEIVED,
  /** Payload in S3 and pointer in SQS, both confirmed. */
  SHIPPED
}
