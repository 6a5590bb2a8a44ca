package dev.hl7ferry.edge.spool;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Plain values the SQLite spool is built from (the config layer turns YAML into this).
 *
 * @param dataDir directory holding {@code spool.db} and its WAL; created when missing
 * @param maxBytes quota on payload bytes of entries not yet shipped
 * @param maxMessages quota on the number of entries not yet shipped
 * @param maxBatchSize most store requests one group commit takes; bounds a transaction's size
 */
public record SpoolSettings(Path dataDir, long maxBytes, long maxMessages, int maxBatchSize) {

  /** Default batch bound: large enough that batching never limits throughput at 8+ connections. */
  public static final int DEFAULT_MAX_BATCH_SIZE = 1024;

  public SpoolSettings {
    Objects.requireNonNull(dataDir, "dataDir");
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("maxBytes must be positive, was " + maxBytes);
    }
    if (maxMessages <= 0) {
      throw new IllegalArgumentException("maxMessages must be positive, was " + maxMessages);
    }
    if (maxBatchSize <= 0) {
      throw new IllegalArgumentException("maxBatchSize must be positive, was " + maxBatchSize);
    }
  }

  /** Settings with the given quotas and the default batch bound. */
  public static SpoolSettings of(Path dataDir, long maxBytes, long maxMessages) {
    return new SpoolSettings(dataDir, maxBytes, maxMessages, DEFAULT_MAX_BATCH_SIZE);
  }

  /** The database file inside {@link #dataDir}. */
  public Path databaseFile() {
    return dataDir.resolve(SpoolDatabase.FILE_NAME);
  }
}
