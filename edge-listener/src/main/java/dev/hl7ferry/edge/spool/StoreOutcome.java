package dev.hl7ferry.edge.spool;

/** What {@link Spool#store} did with a message. All three deserve a positive ACK. */
public enum StoreOutcome {
  /** A new message, now committed. */
  STORED,
  /** The identical message (same id) was already stored: a resend after a lost ACK. */
  DUPLICATE,
  /** Stored, but another stored message has the same sender and control id and other bytes. */
  STORED_CONTROL_ID_REUSED
}
