package dev.hl7ferry.edge.spool.index;

import dev.hl7ferry.edge.spool.journal.JournalSegments;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the journal segments the spool no longer needs. The journal holds every entry's payload,
 * so a segment goes only when the index holds all its records (none past the journal mark) and no
 * entry in its sequence range is left (shipped and pruned, or never stored: a resend). The WAL is
 * fsynced first, so the index state that allows the deletion is on disk before the segment is gone.
 */
final class SegmentRetirement {
  private static final Logger log = LoggerFactory.getLogger(SegmentRetirement.class);

  private final Path journalDir;
  private final LongSupplier openSegmentFirstSequence;
  private long retiredBelow;
  private long lastIndexed;

  SegmentRetirement(Path journalDir, LongSupplier openSegmentFirstSequence, long indexedThrough) {
    this.journalDir = journalDir;
    this.openSegmentFirstSequence = openSegmentFirstSequence;
    this.lastIndexed = indexedThrough;
  }

  /**
   * The index now holds every record through {@code through}. Once it passed the start of the
   * journal's open segment, the segments before it are fully indexed: retire those no entry needs
   * (all resends, or shipped and pruned meanwhile).
   */
  void indexed(WriterConnection writer, long through) {
    lastIndexed = through;
    long open = openSegmentFirstSequence.getAsLong();
    if (open <= retiredBelow || through < open - 1) {
      return;
    }
    retiredBelow = open;
    retire(writer, false);
  }

  /** A pass over the segments; failures are logged and retried at the next pass. */
  void retire(WriterConnection writer, boolean includingNewest) {
    try {
      int deleted = run(writer.get(), journalDir, lastIndexed, includingNewest);
      if (deleted > 0) {
        log.debug("deleted {} journal segment(s) no entry needs", deleted);
      }
    } catch (IOException | SQLException | RuntimeException e) {
      log.warn("deleting journal segments failed; trying again later", e);
    }
  }

  /**
   * Retires what it can and returns how many segments it deleted. {@code includingNewest}: the
   * newest segment may go too (nobody appends to it: at open and at a clean close).
   */
  static int run(BatchWriter writer, Path journalDir, long indexedThrough, boolean includingNewest)
      throws IOException, SQLException {
    List<JournalSegments.Segment> segments = JournalSegments.list(journalDir);
    int candidates = includingNewest ? segments.size() : segments.size() - 1;
    boolean synced = false;
    int deleted = 0;
    for (int i = 0; i < candidates; i++) {
      long from = segments.get(i).firstSequence();
      long until = i + 1 < segments.size() ? segments.get(i + 1).firstSequence() : Long.MAX_VALUE;
      boolean indexed = until == Long.MAX_VALUE || until - 1 <= indexedThrough;
      if (!indexed || writer.holdsEntriesBetween(from, until)) {
        continue;
      }
      if (!synced) {
        writer.sync();
        synced = true;
      }
      Files.deleteIfExists(segments.get(i).path());
      deleted++;
    }
    return deleted;
  }
}
