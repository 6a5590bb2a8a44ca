package dev.hl7ferry.edge.spool;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the index up to the journal when the spool opens: every journal record past the index's
 * mark is indexed (a crash, SIGKILL or power loss came between the journal's fsync, after which the
 * sender had its ACK, and the index), the index is made durable, and the segments no entry needs
 * are deleted. The journal then starts a new segment.
 */
final class JournalRecovery {
  private static final Logger log = LoggerFactory.getLogger(JournalRecovery.class);

  private JournalRecovery() {}

  /** What recovery leaves: the first sequence the journal may hand out and the last one indexed. */
  record Result(long nextSequence, long indexedThrough) {}

  /** Runs recovery. */
  static Result run(BatchWriter writer, Path journalDir, int batchSize)
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
              (record, segment, offset) -> {
                if (record.sequence() <= indexedThrough) {
                  return;
                }
                pending.add(
                    new WriteRequest.Index(
                        record.message(), record.id(), record.sequence(), segment, offset, null));
                if (pending.size() >= batchSize) {
                  indexed[0] += flush(writer, pending);
                }
              });
    } catch (UncheckedSqlException e) {
      throw e.getCause();
    }
    indexed[0] += flush(writer, pending);
    long through = Math.max(indexedThrough, last);
    writer.sync();
    SegmentRetirement.run(writer, journalDir, through, true);
    if (indexed[0] > 0) {
      log.info(
          "spool recovery: indexed {} journal record(s) the index did not hold yet (through"
              + " sequence {})",
          indexed[0],
          last);
    }
    return new Result(Math.max(highest, last) + 1, through);
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
