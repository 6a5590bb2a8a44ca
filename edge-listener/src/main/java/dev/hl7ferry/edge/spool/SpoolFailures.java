package dev.hl7ferry.edge.spool;

import dev.hl7ferry.edge.spool.SpoolRejectedException.Reason;

/** Turns a failed write into the reason the sender's negative ACK and the log line give. */
public final class SpoolFailures {
  private SpoolFailures() {}

  /** {@link Reason#DISK_FULL} when a message in the cause chain says the disk is full. */
  public static Reason reasonFor(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      String text = t.getMessage();
      if (text != null
          && (text.contains("No space left on device")
              || text.contains("ENOSPC")
              || text.contains("database or disk is full"))) {
        return Reason.DISK_FULL;
      }
    }
    return Reason.STORE_FAILED;
  }
}
