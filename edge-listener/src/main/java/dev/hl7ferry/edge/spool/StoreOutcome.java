package dev.hl7ferry.edge.spool;

/** What {@link Spool#store} did with a message. All of them deserve a positive ACK. */
public enum StoreOutcome {
  /**
   * Durable in the spool's journal; the duplicate and control-id checks follow when the index takes
   * it (a resend is then kept once, a reused control id flagged and logged). The answer of a spool
   * that confirms at the journal.
   */
  ACCEPTED,
  /** A new message, now committed. */
  STORED,
  /** The identical message (same id) was already stored: a resend after a lost ACK. */
  DUPLICATE,
  /** Stored, but another stored message has the same sender and control id and other bytes. */
  STORED_CONTROL_ID_REUSED
}
