package dev.hl7ferry.edge.spool;

import dev.hl7ferry.edge.spool.SpoolRejectedException.Reason;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes one group of store requests in a single transaction on the writer connection: duplicate
 * check, quota check, insert and control-id-reuse flag per message, then one commit. The commit
 * only writes the WAL; {@link #sync} (called by the {@link WalSyncer}) makes it durable. Only the
 * writer thread uses it, except {@link #sync}, which is safe beside it.
 */
final class BatchWriter implements AutoCloseable, WalSyncer.Wal {

  /** What became of one request once its transaction committed. */
  record Outcome(WriteRequest.Store request, StoreResult result, SpoolRejectedException rejected) {
    void complete() {
      if (rejected != null) {
        request.result().completeExceptionally(rejected);
      } else {
        request.result().complete(result);
      }
    }
  }

  private final Connection connection;
  private final Path walFile;
  private final Object walLock = new Object();
  private FileChannel wal;
  private final long maxBytes;
  private final long maxMessages;
  private final Statement control;
  private final PreparedStatement backlog;
  private final HeldEntries heldEntries;
  private final EntryInserter inserter;
  private final PreparedStatement flagSameControlId;

  BatchWriter(Connection connection, Path walFile, long maxBytes, long maxMessages)
      throws SQLException {
    this.connection = connection;
    this.walFile = walFile;
    this.maxBytes = maxBytes;
    this.maxMessages = maxMessages;
    control = connection.createStatement();
    backlog = connection.prepareStatement("SELECT entries, bytes FROM tally WHERE state = ?");
    heldEntries = new HeldEntries(connection);
    inserter = new EntryInserter(connection);
    flagSameControlId =
        connection.prepareStatement(
            "UPDATE entry SET control_id_reused = 1 WHERE control_id IS ? AND sending_facility IS ?"
                + " AND sending_application IS ? AND control_id_reused = 0");
  }

  Connection connection() {
    return connection;
  }

  /**
   * Stores the requests in one transaction and commits it (without fsync: see {@link #sync}). Quota
   * rejections are per message; any SQL failure rolls the whole transaction back and is thrown.
   */
  List<Outcome> write(List<WriteRequest.Store> requests) throws SQLException {
    control.execute("BEGIN IMMEDIATE");
    try {
      List<Outcome> outcomes = writeAll(requests);
      control.execute("COMMIT");
      return outcomes;
    } catch (SQLException | RuntimeException e) {
      rollbackAfter(e);
      throw e;
    }
  }

  /**
   * Forces the WAL file to disk ({@code fdatasync}): every commit whose write returned before this
   * call began is durable when it returns. Opened lazily: SQLite creates the WAL with the first
   * transaction.
   */
  @Override
  public void sync() throws IOException {
    FileChannel channel;
    synchronized (walLock) {
      if (wal == null) {
        wal = FileChannel.open(walFile, StandardOpenOption.READ);
      }
      channel = wal;
    }
    channel.force(false);
  }

  /** Runs one read-side update in its own transaction. */
  int update(WriteRequest.Work work) throws SQLException {
    control.execute("BEGIN IMMEDIATE");
    try {
      int changed = work.run(connection);
      control.execute("COMMIT");
      return changed;
    } catch (SQLException | RuntimeException e) {
      rollbackAfter(e);
      throw e;
    }
  }

  /**
   * One lookup on the sender + control id index per chunk of the batch finds both cases: the
   * identical message (same id: a resend) and other bytes under the same control id (a reuse);
   * messages earlier in the same batch count too. The id is a digest over the sender and control
   * id, so equal ids always meet in this lookup: it is what keeps ids unique, on the single writer
   * thread, without a UNIQUE index on the random id (whose scattered page writes cost more than
   * everything else in an insert; see SPOOL.md). New entries then go in with multi-row INSERTs.
   */
  private List<Outcome> writeAll(List<WriteRequest.Store> requests) throws SQLException {
    long[] pending = receivedBacklog();
    int n = requests.size();
    SenderKey[] keys = new SenderKey[n];
    for (int i = 0; i < n; i++) {
      keys[i] = SenderKey.of(requests.get(i).message());
    }
    Map<SenderKey, List<HeldEntries.Held>> held =
        heldEntries.find(new HashSet<>(Arrays.asList(keys)));
    // Per request either a final outcome now (held duplicate, quota), or a row plus its kind,
    // completed with the row's sequence once the rows are inserted.
    Outcome[] outcomes = new Outcome[n];
    int[] rowOf = new int[n];
    StoreOutcome[] kinds = new StoreOutcome[n];
    List<EntryInserter.Row> rows = new ArrayList<>();
    Map<String, Integer> rowById = new HashMap<>();
    Set<SenderKey> keysInBatch = new HashSet<>();
    Set<SenderKey> reused = new HashSet<>();
    for (int i = 0; i < n; i++) {
      WriteRequest.Store request = requests.get(i);
      SenderKey key = keys[i];
      List<HeldEntries.Held> sameKey = held.getOrDefault(key, List.of());
      HeldEntries.Held same = sameId(sameKey, request.id());
      rowOf[i] = -1;
      if (same != null) {
        outcomes[i] = stored(request, same.sequence(), StoreOutcome.DUPLICATE);
        continue;
      }
      Integer earlier = rowById.get(request.id());
      if (earlier != null) {
        rowOf[i] = earlier; // a resend within this batch
        kinds[i] = StoreOutcome.DUPLICATE;
        continue;
      }
      int size = request.message().payload().length;
      if (pending[0] + 1 > maxMessages) {
        outcomes[i] =
            rejected(request, Reason.QUOTA_MESSAGES, "spool holds " + pending[0] + " unshipped");
        continue;
      }
      if (pending[1] + size > maxBytes) {
        outcomes[i] =
            rejected(request, Reason.QUOTA_BYTES, "spool holds " + pending[1] + " unshipped bytes");
        continue;
      }
      pending[0]++;
      pending[1] += size;
      kinds[i] = StoreOutcome.STORED;
      if (!sameKey.isEmpty() || keysInBatch.contains(key)) {
        reused.add(key);
        kinds[i] = StoreOutcome.STORED_CONTROL_ID_REUSED;
      }
      keysInBatch.add(key);
      rowOf[i] = rows.size();
      rowById.put(request.id(), rows.size());
      rows.add(new EntryInserter.Row(request.id(), request.message()));
    }
    long[] sequences = inserter.insert(rows);
    for (SenderKey key : reused) {
      flag(key);
    }
    List<Outcome> result = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      result.add(
          rowOf[i] < 0 ? outcomes[i] : stored(requests.get(i), sequences[rowOf[i]], kinds[i]));
    }
    return result;
  }

  private static HeldEntries.Held sameId(List<HeldEntries.Held> held, String id) {
    for (HeldEntries.Held entry : held) {
      if (entry.id().equals(id)) {
        return entry;
      }
    }
    return null;
  }

  private static Outcome stored(WriteRequest.Store request, long sequence, StoreOutcome kind) {
    return new Outcome(request, new StoreResult(request.id(), sequence, kind), null);
  }

  private void flag(SenderKey key) throws SQLException {
    flagSameControlId.setString(1, key.controlId());
    flagSameControlId.setString(2, key.sendingFacility());
    flagSameControlId.setString(3, key.sendingApplication());
    flagSameControlId.executeUpdate();
  }

  private static Outcome rejected(WriteRequest.Store request, Reason reason, String detail) {
    String text =
        "quota reached (" + detail + "), control id " + request.message().controlId() + " refused";
    return new Outcome(request, null, new SpoolRejectedException(reason, text, null));
  }

  private long[] receivedBacklog() throws SQLException {
    backlog.setString(1, EntryState.RECEIVED.name());
    try (ResultSet row = backlog.executeQuery()) {
      if (!row.next()) {
        throw new SQLException("spool tally row for RECEIVED is missing");
      }
      return new long[] {row.getLong(1), row.getLong(2)};
    }
  }

  /** Rolls back after {@code cause}; a failing rollback is kept as suppressed, not lost. */
  private void rollbackAfter(Exception cause) {
    try {
      control.execute("ROLLBACK");
    } catch (SQLException rollbackFailure) {
      // SQLite rolls back by itself on some errors (SQLITE_FULL, I/O errors): nothing to undo then.
      String text = String.valueOf(rollbackFailure.getMessage());
      if (!text.contains("no transaction is active")) {
        cause.addSuppressed(rollbackFailure);
      }
    }
  }

  @Override
  public void close() throws SQLException {
    synchronized (walLock) {
      if (wal != null) {
        try {
          wal.close();
        } catch (IOException e) {
          // Nothing was pending on it (the writer waits for the syncer first); the fd is gone.
        }
        wal = null;
      }
    }
    try (connection;
        control;
        backlog;
        heldEntries;
        inserter;
        flagSameControlId) {
      // try-with-resources closes the statements, then the connection
    }
  }
}
