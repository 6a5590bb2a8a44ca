package dev.hl7ferry.edge.events;

/** Why a message got a negative acknowledgement: a small fixed set, fit for a metric label. */
public enum NakReason {
  /** The spool refused the message (quota, closed): AR/CR with ERR 207. */
  SPOOL_REJECTED,
  /** The store failed: AR/CR with ERR 207. */
  STORE_FAILED,
  /** Stored, but not confirmed by the cloud in time ({@code ackAfter: cloud}). */
  NOT_CONFIRMED,
  /** Not readable as HL7 (no MSH, MSH-9/10 missing, invalid bytes for the charset). */
  UNREADABLE,
  /** Larger than {@code listener.maxFrameBytes}. */
  OVERSIZED,
  /** MSH-10 longer than 199 characters. */
  CONTROL_ID_TOO_LONG;

  /** The label value, e.g. {@code spool_rejected}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
