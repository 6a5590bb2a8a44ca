package dev.hl7ferry.edge.spool;

import dev.hl7ferry.edge.spool.index.SpoolQueries;
import dev.hl7ferry.edge.spool.journal.JournalSegments;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

/**
 * A read-only look at a spool directory, for the {@code spool} command: works beside a running edge
 * (WAL readers never block the writer) and never creates or changes anything.
 */
public final class SpoolView implements AutoCloseable {
  private final SpoolQueries queries;
  private final Path dataDir;

  private SpoolView(SpoolQueries queries, Path dataDir) {
    this.queries = queries;
    this.dataDir = dataDir;
  }

  /** Opens the spool in {@code dataDir}; fails when there is none. */
  public static SpoolView open(Path dataDir) {
    try {
      return new SpoolView(SpoolQueries.open(dataDir), dataDir);
    } catch (SQLException e) {
      throw new SpoolAccessException("cannot open spool in " + dataDir + " for reading", e);
    }
  }

  /** Counts and bytes by state. */
  public SpoolStats stats() {
    return queries.stats();
  }

  /**
   * Messages the journal holds that the index does not yet: acknowledged and on disk, indexed
   * within milliseconds while the edge runs, or at its next start after a crash. Stats and lists
   * show the index only.
   */
  public long notYetIndexed() {
    try {
      return JournalSegments.countAfter(
          JournalSegments.directory(dataDir), queries.indexedThrough());
    } catch (java.io.IOException e) {
      throw new SpoolAccessException("cannot read the journal in " + dataDir, e);
    }
  }

  /** Up to {@code limit} entries after {@code afterSequence}, without payloads. */
  public List<EntrySummary> list(long afterSequence, int limit) {
    return queries.list(afterSequence, limit, null);
  }

  /** Like {@link #list(long, int)}, only entries in {@code state}. */
  public List<EntrySummary> list(long afterSequence, int limit, EntryState state) {
    return queries.list(afterSequence, limit, state);
  }

  /** Like {@link #list(long, int, EntryState)}, only entries of one sending application. */
  public List<EntrySummary> list(
      long afterSequence, int limit, EntryState state, String sendingApplication) {
    return queries.list(afterSequence, limit, state, sendingApplication);
  }

  @Override
  public void close() {
    queries.close();
  }
}
