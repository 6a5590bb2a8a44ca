package dev.hl7ferry.edge.spool;

import dev.hl7ferry.edge.spool.SpoolRejectedException.Reason;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The spool on SQLite: WAL journal, one writer thread doing group commit (see {@link
 * GroupCommitter}), a syncer thread that fsyncs the WAL before any result is released (see {@link
 * WalSyncer}) and a separate read connection for the shipper and the spool command.
 *
 * <p>All writes, the read side's too (mark shipped, attempts, replay, prune), go through the writer
 * thread, so this process never contends with itself for SQLite's write lock. Store futures
 * complete after the fsync, on the caller's executor or the syncer's thread: dependent actions must
 * not block.
 */
public final class SqliteSpool implements Spool, SpoolReader {
  /** Rows one prune transaction deletes at most, so stores never wait long behind it. */
  private static final int PRUNE_CHUNK = 2_000;

  private final GroupCommitter committer;
  private final Checkpointer checkpointer;
  private final SpoolQueries queries;

  private SqliteSpool(GroupCommitter committer, Checkpointer checkpointer, SpoolQueries queries) {
    this.committer = committer;
    this.checkpointer = checkpointer;
    this.queries = queries;
  }

  /** Opens (creating if needed) the spool in {@code settings.dataDir()} and starts its writer. */
  public static SqliteSpool open(SpoolSettings settings) {
    BatchWriter writer;
    try {
      writer = newBatchWriter(settings.dataDir(), settings);
    } catch (SQLException e) {
      throw new SpoolAccessException("cannot open spool in " + settings.dataDir(), e);
    }
    SpoolQueries queries;
    Connection checkpointConnection;
    try {
      queries = new SpoolQueries(SpoolDatabase.openReadOnly(settings.dataDir()));
      checkpointConnection = SpoolDatabase.openCheckpointer(settings.dataDir());
    } catch (SQLException e) {
      try {
        writer.close();
      } catch (SQLException closeFailure) {
        e.addSuppressed(closeFailure);
      }
      throw new SpoolAccessException("cannot open spool reader in " + settings.dataDir(), e);
    }
    GroupCommitter committer = new GroupCommitter(settings, writer);
    Checkpointer checkpointer = new Checkpointer(checkpointConnection, committer::commits);
    committer.start();
    checkpointer.start();
    return new SqliteSpool(committer, checkpointer, queries);
  }

  static BatchWriter newBatchWriter(Path dataDir, SpoolSettings settings) throws SQLException {
    var connection = SpoolDatabase.openWriter(dataDir);
    try {
      return new BatchWriter(
          connection, SpoolDatabase.walFile(dataDir), settings.maxBytes(), settings.maxMessages());
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
  }

  @Override
  public CompletableFuture<StoreResult> store(IncomingMessage message) {
    return submit(message, null);
  }

  @Override
  public CompletableFuture<StoreResult> store(IncomingMessage message, Executor callbacks) {
    return submit(message, Objects.requireNonNull(callbacks, "callbacks"));
  }

  /** Queues the store; the entry id is computed here, on the caller's thread, not the writer's. */
  private CompletableFuture<StoreResult> submit(IncomingMessage message, Executor callbacks) {
    Objects.requireNonNull(message, "message");
    CompletableFuture<StoreResult> result = new CompletableFuture<>();
    if (message.payload() == null || message.charset() == null || message.receivedAt() == null) {
      new WriteRequest.Store(message, "", result, callbacks)
          .fail(
              new SpoolRejectedException(
                  Reason.STORE_FAILED,
                  "message without payload, charset or receive time, control id "
                      + message.controlId(),
                  null));
      return result;
    }
    committer.submit(new WriteRequest.Store(message, EntryId.of(message), result, callbacks));
    return result;
  }

  @Override
  public List<SpoolEntry> unshipped(long afterSequence, int limit) {
    return queries.unshipped(afterSequence, limit);
  }

  @Override
  public void markShipped(Collection<Long> sequences, Instant when) {
    List<Long> copy = List.copyOf(sequences);
    long millis = when.toEpochMilli();
    committer.update(
        connection -> {
          try (PreparedStatement update =
              connection.prepareStatement(
                  "UPDATE entry SET state = 'SHIPPED', shipped_at = ?"
                      + " WHERE seq = ? AND state = 'RECEIVED'")) {
            for (long sequence : copy) {
              update.setLong(1, millis);
              update.setLong(2, sequence);
              update.addBatch();
            }
            return sum(update.executeBatch());
          }
        });
  }

  @Override
  public void recordAttempt(Collection<Long> sequences) {
    List<Long> copy = List.copyOf(sequences);
    committer.update(
        connection -> {
          try (PreparedStatement update =
              connection.prepareStatement(
                  "UPDATE entry SET attempts = attempts + 1 WHERE seq = ?")) {
            for (long sequence : copy) {
              update.setLong(1, sequence);
              update.addBatch();
            }
            return sum(update.executeBatch());
          }
        });
  }

  @Override
  public int resetShipped(Instant since) {
    long millis = since.toEpochMilli();
    return committer.update(
        connection -> {
          try (PreparedStatement update =
              connection.prepareStatement(
                  "UPDATE entry SET state = 'RECEIVED', shipped_at = NULL"
                      + " WHERE state = 'SHIPPED' AND received_at >= ?")) {
            update.setLong(1, millis);
            return update.executeUpdate();
          }
        });
  }

  @Override
  public int pruneShipped(Instant before) {
    long millis = before.toEpochMilli();
    int total = 0;
    int deleted;
    do {
      deleted =
          committer.update(
              connection -> {
                try (PreparedStatement delete =
                    connection.prepareStatement(
                        "DELETE FROM entry WHERE seq IN (SELECT seq FROM entry"
                            + " WHERE state = 'SHIPPED' AND shipped_at < ? LIMIT ?)")) {
                  delete.setLong(1, millis);
                  delete.setInt(2, PRUNE_CHUNK);
                  return delete.executeUpdate();
                }
              });
      total += deleted;
    } while (deleted == PRUNE_CHUNK);
    return total;
  }

  /** Counts and bytes by state. */
  public SpoolStats stats() {
    return queries.stats();
  }

  /** Up to {@code limit} entries after {@code afterSequence}, without payloads. */
  public List<EntrySummary> list(long afterSequence, int limit) {
    return queries.list(afterSequence, limit, null);
  }

  /** Like {@link #list(long, int)}, only entries in {@code state}. */
  public List<EntrySummary> list(long afterSequence, int limit, EntryState state) {
    return queries.list(afterSequence, limit, state);
  }

  /**
   * The entry with {@code id}, if held. A full scan (ids are not indexed): tools and tests only.
   */
  public Optional<SpoolEntry> entry(String id) {
    return queries.entry(id);
  }

  /** Runs {@code work} in its own transaction on the writer thread (tests tune SQLite here). */
  int runOnWriter(WriteRequest.Work work) {
    return committer.update(work);
  }

  /** Transactions committed so far; with group commit far fewer than messages stored. */
  long commits() {
    return committer.commits();
  }

  @Override
  public void close() {
    committer.close();
    checkpointer.close();
    queries.close();
  }

  private static int sum(int[] counts) {
    int total = 0;
    for (int count : counts) {
      total += Math.max(count, 0);
    }
    return total;
  }
}
