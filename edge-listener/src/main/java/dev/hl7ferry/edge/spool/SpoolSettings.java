package dev.hl7ferry.edge.spool;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Plain values the SQLite spool is built from (the config layer turns YAML into this).
 *
 * @param dataDir directory holding {@code spool.db} and its WAL; created when missing
 * @param maxBytes quota on payload bytes of entries not yet shipped
 * @param maxMessages quota on the number of entries not yet shipped
 * @param maxBatchSize most store requests one group commit takes; bounds a transaction's size
 * @param maxCommitDelay longest a commit waits for the senders of the previous batch to send again
 *     (zero: commit whatever is queued at once)
 */
public record SpoolSettings(
    Path dataDir, long maxBytes, long maxMessages, int maxBatchSize, Duration maxCommitDelay) {

  /** Default batch bound: large enough that batching never limits throughput at 8+ connections. */
  public static final int DEFAULT_MAX_BATCH_SIZE = 1024;

  /**
   * Default commit delay: well under a commit's own fsync, enough for senders woken by the last
   * commit to queue their next message so they share the next one.
   */
  public static final Duration DEFAULT_MAX_COMMIT_DELAY = Duration.ofNanos(200_000);

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
    Objects.requireNonNull(maxCommitDelay, "maxCommitDelay");
    if (maxCommitDelay.isNegative() || maxCommitDelay.compareTo(Duration.ofSeconds(1)) > 0) {
      throw new IllegalArgumentException(
          "maxCommitDelay must be between 0 and 1 s, was " + maxCommitDelay);
    }
  }

  /** Settings with the default commit delay. */
  public SpoolSettings(Path dataDir, long maxBytes, long maxMessages, int maxBatchSize) {
    this(dataDir, maxBytes, maxMessages, maxBatchSize, DEFAULT_MAX_COMMIT_DELAY);
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
