package dev.hl7ferry.edge.spool.index;

import dev.hl7ferry.edge.spool.journal.JournalRecovery;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the index up to the journal when the spool opens: every journal record past the index's
 * mark is indexed ({@link JournalRecovery} reads them back), the index is made durable (WAL fsync),
 * and the segments no entry needs are deleted, the newest included. The journal then starts a new
 * segment; the segments still holding entries stay.
 */
final class IndexRecovery {
  private static final Logger log = LoggerFactory.getLogger(IndexRecovery.class);

  private IndexRecovery() {}

  /** What recovery leaves: the first sequence the journal may hand out and the last one indexed. */
  record Result(long nextSequence, long indexedThrough) {}

  static Result run(BatchWriter writer, Path journalDir, int batchSize)
      throws IOException, SQLException {
    long[] marks = writer.marks();
    long indexedThrough = marks[0];
    long highest = Math.max(marks[0], marks[1]);
    JournalRecovery.Replayed replayed;
    try {
      replayed = JournalRecovery.replay(journalDir, indexedThrough, batchSize, writer::write);
    } catch (IOException | SQLException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("unexpected recovery failure", e);
    }
    long last = replayed.lastSequence();
    long through = Math.max(indexedThrough, last);
    writer.sync();
    SegmentRetirement.run(writer, journalDir, through, true);
    if (replayed.records() > 0) {
      log.info(
          "spool recovery: indexed {} journal record(s) the index did not hold yet (through"
              + " sequence {})",
          replayed.records(),
          last);
    }
    return new Result(Math.max(highest, last) + 1, through);
  }
}
