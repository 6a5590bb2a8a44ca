package dev.hl7ferry.edge.spool.index;

import dev.hl7ferry.edge.spool.SpoolFailures;
import dev.hl7ferry.edge.spool.SpoolRejectedException;
import dev.hl7ferry.edge.spool.SpoolRejectedException.Reason;
import java.sql.SQLException;
import org.sqlite.SQLiteException;

/** Turns a failed index write into the reason the sender's negative ACK and the log line give. */
final class IndexFailures {
  /** SQLite's primary result code for "database or disk is full". */
  private static final int SQLITE_FULL = 13;

  private IndexFailures() {}

  /** {@link Reason#DISK_FULL} for SQLITE_FULL or ENOSPC anywhere in the cause chain. */
  static Reason reasonFor(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLiteException sqlite
          && primary(sqlite.getResultCode().code) == SQLITE_FULL) {
        return Reason.DISK_FULL;
      }
      if (t instanceof SQLException sql && primary(sql.getErrorCode()) == SQLITE_FULL) {
        return Reason.DISK_FULL;
      }
    }
    return SpoolFailures.reasonFor(failure);
  }

  /** The rejection handed to every request of a failed batch, keeping the cause. */
  static SpoolRejectedException rejection(Throwable failure, int requests) {
    Reason reason = reasonFor(failure);
    String text =
        (reason == Reason.DISK_FULL ? "disk full" : "store failed")
            + ": group commit of "
            + requests
            + " message(s) rolled back ("
            + failure.getMessage()
            + ")";
    return new SpoolRejectedException(reason, text, failure);
  }

  /** Extended result codes carry the primary code in their low byte. */
  private static int primary(int code) {
    return code & 0xff;
  }
}
