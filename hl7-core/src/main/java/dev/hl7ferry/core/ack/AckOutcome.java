package dev.hl7ferry.core.ack;

/** What the receiver decided about a message. */
public enum AckOutcome {
  /** Stored (or processed): AA / CA. */
  ACCEPT,
  /** The message has an error the sender must fix: AE / CE. */
  ERROR,
  /**
   * Refused for a reason other than its content (unsupported, or the receiver cannot take it now):
   * AR / CR.
   */
  REJECT
}
