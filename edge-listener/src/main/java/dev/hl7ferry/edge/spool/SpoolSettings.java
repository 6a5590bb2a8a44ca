package dev.hl7ferry.edge.spool;

import dev.hl7ferry.edge.spool.index.SpoolDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Plain values the spool is built from (the config layer turns YAML into this).
 *
 * @param dataDir directory holding the journal, {@code spool.db} and its WAL; created when missing
 * @param maxBytes quota on payload bytes of entries not yet shipped
 * @param maxMessages quota on the number of entries not yet shipped
 * @param maxBatchSize most messages one journal fsync (group commit) or index transaction takes
 * @param maxCommitDelay longest a group commit waits for the senders of the previous batch to send
 *     again (zero: write whatever is queued at once)
 * @param answerAt when a store's future completes
 * @param journalSegmentBytes size of one journal segment file (prepared full of zeros ahead of use)
 */
public record SpoolSettings(
    Path dataDir,
    long maxBytes,
    long maxMessages,
    int maxBatchSize,
    Duration maxCommitDelay,
    AnswerAt answerAt,
    long journalSegmentBytes) {

  /** Default journal segment: about 15,000 messages of 1 KB; zero-filled in about 50 ms. */
  public static final long DEFAULT_JOURNAL_SEGMENT_BYTES = 16L * 1024 * 1024;

  /** When {@link Spool#store} completes. Both only after the message is durable on disk. */
  public enum AnswerAt {
    /**
     * Once the journal's fsync covers the message, outcome {@link StoreOutcome#ACCEPTED}; the index
     * takes it right after (the listener's choice: an ACK waits for nothing it does not need).
     */
    JOURNAL,
    /**
     * Once the index took it as well, with the exact outcome (stored, duplicate, control id
     * reused): for callers that act on the outcome, such as {@code ackAfter: cloud}, tools and
     * tests.
     */
    INDEX
  }

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
    Objects.requireNonNull(answerAt, "answerAt");
    if (journalSegmentBytes < 64 * 1024) {
      throw new IllegalArgumentException(
          "journalSegmentBytes must be at least 64 KiB, was " + journalSegmentBytes);
    }
  }

  /** Settings that answer after the index took a message. */
  public SpoolSettings(
      Path dataDir, long maxBytes, long maxMessages, int maxBatchSize, Duration maxCommitDelay) {
    this(
        dataDir,
        maxBytes,
        maxMessages,
        maxBatchSize,
        maxCommitDelay,
        AnswerAt.INDEX,
        DEFAULT_JOURNAL_SEGMENT_BYTES);
  }

  /** Settings with the default commit delay that answer after the index took a message. */
  public SpoolSettings(Path dataDir, long maxBytes, long maxMessages, int maxBatchSize) {
    this(dataDir, maxBytes, maxMessages, maxBatchSize, DEFAULT_MAX_COMMIT_DELAY);
  }

  /** These settings, answering at {@code when}. */
  public SpoolSettings answeringAt(AnswerAt when) {
    return new SpoolSettings(
        dataDir, maxBytes, maxMessages, maxBatchSize, maxCommitDelay, when, journalSegmentBytes);
  }

  /** These settings with journal segments of {@code bytes}. */
  public SpoolSettings withJournalSegmentBytes(long bytes) {
    return new SpoolSettings(
        dataDir, maxBytes, maxMessages, maxBatchSize, maxCommitDelay, answerAt, bytes);
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
