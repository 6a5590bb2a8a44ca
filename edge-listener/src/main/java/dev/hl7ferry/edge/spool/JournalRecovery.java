package dev.hl7ferry.edge.spool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the index up to the journal when the spool opens: every journal record past the index's
 * mark is indexed (a crash, SIGKILL or power loss came between the journal's fsync, after which the
 * sender had its ACK, and the index), the index is made durable, and the journal starts over empty.
 */
final class JournalRecovery {
  private static final Logger log = LoggerFactory.getLogger(JournalRecovery.class);

  private JournalRecovery() {}

  /** Runs recovery and returns the first sequence the journal may hand out. */
  static long run(BatchWriter writer, Path journalDir, int batchSize)
      throws IOException, SQLException {
    long[] marks = writer.marks();
    long indexedThrough = marks[0];
    long highest = Math.max(marks[0], marks[1]);
    List<WriteRequest.Index> pending = new ArrayList<>();
    int[] indexed = {0};
    long last;
    try {
      last =
          JournalSegments.recover(
              journalDir,
              record -> {
                if (record.sequence() <= indexedThrough) {
                  return;
                }
                pending.add(index(record));
                if (pending.size() >= batchSize) {
                  indexed[0] += flush(writer, pending);
                }
              });
    } catch (UncheckedSqlException e) {
      throw e.getCause();
    }
    indexed[0] += flush(writer, pending);
    writer.sync();
    List<JournalSegments.Segment> segments = JournalSegments.list(journalDir);
    for (JournalSegments.Segment segment : segments) {
      Files.delete(segment.path());
    }
    if (indexed[0] > 0) {
      log.info(
          "spool recovery: indexed {} journal record(s) the index did not hold yet (through"
              + " sequence {})",
          indexed[0],
          last);
    }
    return Math.max(highest, last) + 1;
  }

  private static WriteRequest.Index index(JournalRecord.Decoded record) {
    return new WriteRequest.Index(record.message(), record.id(), record.sequence(), null);
  }

  private static int flush(BatchWriter writer, List<WriteRequest.Index> pending) {
    if (pending.isEmpty()) {
      return 0;
    }
    try {
      writer.write(pending);
    } catch (SQLException e) {
      throw new UncheckedSqlException(e);
    }
    int count = pending.size();
    pending.clear();
    return count;
  }

  /** Carries an SQLException out of the recovery callback. */
  private static final class UncheckedSqlException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UncheckedSqlException(SQLException cause) {
      super(cause);
    }

    @Override
    public synchronized SQLException getCause() {
      return (SQLException) super.getCause();
    }
  }
}
