package dev.hl7ferry.edge.spool.index;

import dev.hl7ferry.edge.retry.Backoff;
import dev.hl7ferry.edge.retry.FailureLog;
import dev.hl7ferry.edge.spool.SpoolThreads;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies committed WAL frames into the database file on a thread of its own. SQLite would otherwise
 * checkpoint inside a commit every 1,000 pages, stalling the group commit (and every sender waiting
 * on it) behind extra fsyncs of the database file; here the writer's commits only ever fsync the
 * WAL. A passive checkpoint never blocks the writer; when the WAL still grows past {@link
 * #RESTART_FRAMES} (a writer that never pauses), a restart checkpoint briefly waits for the writer
 * so the WAL starts over instead of growing without bound. A checkpoint that fails (a full disk) is
 * retried with a backoff of up to {@link #RETRY}'s 3 s and logged as {@link FailureLog} logs: the
 * first failure, then about once a minute, and once when it works again.
 */
public final class Checkpointer {
  private static final Logger log = LoggerFactory.getLogger(Checkpointer.class);

  /** How often to look for new commits to checkpoint. */
  private static final long INTERVAL_MILLIS = 100;

  /** WAL frames (pages) past which the checkpoint waits for the writer: about 64 MiB. */
  static final int RESTART_FRAMES = 16_384;

  /** Retries after failed checkpoints: 20 failures in a row (one logged line) take about 48 s. */
  static final Backoff RETRY =
      Backoff.steady(Duration.ofMillis(INTERVAL_MILLIS), Duration.ofSeconds(3));

  private final Connection connection;
  private final LongSupplier commits;
  private final Backoff retry;
  private final FailureLog failures;
  private final Thread thread;
  private volatile boolean stopping;

  /** A checkpointer on its own connection to the spool in {@code dataDir} (opened already). */
  public static Checkpointer open(Path dataDir, LongSupplier commits) throws SQLException {
    return open(dataDir, commits, RETRY);
  }

  /** As {@link #open(Path, LongSupplier)}, retrying failed checkpoints after {@code retry}. */
  static Checkpointer open(Path dataDir, LongSupplier commits, Backoff retry) throws SQLException {
    return new Checkpointer(SpoolDatabase.openCheckpointer(dataDir), commits, retry);
  }

  private Checkpointer(Connection connection, LongSupplier commits, Backoff retry) {
    this.connection = connection;
    this.commits = commits;
    this.retry = retry;
    this.failures = new FailureLog(log, "spool checkpoint");
    this.thread = new Thread(this::run, "spool-checkpoint");
    thread.setDaemon(true);
  }

  public void start() {
    thread.start();
  }

  /** Stops the thread, checkpoints everything and truncates the WAL, closes the connection. */
  public void close() {
    if (stopping) {
      return;
    }
    stopping = true;
    thread.interrupt();
    SpoolThreads.awaitEnd(thread);
    boolean interrupted = Thread.interrupted(); // restored after the final checkpoint
    try (connection) {
      checkpoint("TRUNCATE");
    } catch (SQLException e) {
      log.warn("final spool checkpoint failed; the WAL keeps the data and is replayed on open", e);
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    long checkpointedAt = -1;
    long wait = INTERVAL_MILLIS;
    while (!stopping) {
      try {
        TimeUnit.MILLISECONDS.sleep(wait);
      } catch (InterruptedException e) {
        continue;
      }
      long seen = commits.getAsLong();
      if (seen == checkpointedAt) {
        continue;
      }
      try {
        int[] frames = checkpoint("PASSIVE");
        if (frames[0] > RESTART_FRAMES) {
          checkpoint("RESTART");
        }
        checkpointedAt = seen;
        failures.worked();
        wait = INTERVAL_MILLIS;
      } catch (SQLException e) {
        // The WAL still holds every committed frame; the next round or the next open retries.
        wait = failures.failed(e, retry).toMillis();
      }
    }
  }

  /** Runs a checkpoint; returns WAL frames and frames checkpointed. */
  private int[] checkpoint(String mode) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("PRAGMA wal_checkpoint(" + mode + ")")) {
      if (!result.next()) {
        return new int[] {0, 0};
      }
      return new int[] {result.getInt(2), result.getInt(3)};
    }
  }
}
