package dev.hl7ferry.edge.spool;

/**
 * The spool could not take a message: quota reached, disk full, or store broken. The sender gets
 * AR/CR with ERR 207; the message is not acknowledged positively.
 */
public class SpoolRejectedException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why the spool refused, for the ERR text and the log line (never message content). */
  public enum Reason {
    QUOTA_MESSAGES,
    QUOTA_BYTES,
    DISK_FULL,
    STORE_FAILED,
    CLOSED
  }

  private final Reason reason;

  public SpoolRejectedException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
