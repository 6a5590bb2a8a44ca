package dev.hl7ferry.edge.spool.index;

import dev.hl7ferry.edge.spool.IncomingMessage;
import dev.hl7ferry.edge.spool.StoreOutcome;
import dev.hl7ferry.edge.spool.StoreResult;
import dev.hl7ferry.edge.spool.journal.JournaledMessage;
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
 * Indexes journal records in SQLite, one transaction per batch: duplicate check, insert and
 * control-id-reuse flag per record, the journal mark (the last sequence indexed) and one commit.
 * Commits only write the WAL ({@code synchronous=NORMAL}): the journal holds every record, and no
 * segment is deleted before {@link #sync} made the index durable. Only the writer thread uses it,
 * except {@link #sync}.
 */
public final class BatchWriter implements AutoCloseable {

  /** Unshipped entries and their payload bytes, as the tally counts them. */
  record Tally(long messages, long bytes) {}

  private final Connection connection;
  private final Path walFile;
  private final Object walLock = new Object();
  private FileChannel wal;
  private final Statement control;
  private final PreparedStatement unshipped;
  private final HeldEntries heldEntries;
  private final EntryInserter inserter;
  private final PreparedStatement flagSameControlId;
  private final PreparedStatement markIndexed;
  private final PreparedStatement entryBetween;

  private BatchWriter(Connection connection, Path walFile) throws SQLException {
    this.connection = connection;
    this.walFile = walFile;
    control = connection.createStatement();
    // What the quota counts: entries not shipped, set aside ones included (they hold the same
    // disk).
    unshipped =
        connection.prepareStatement(
            "SELECT count(*), coalesce(sum(entries), 0), coalesce(sum(bytes), 0) FROM tally"
                + " WHERE state IN ('RECEIVED', 'QUARANTINED')");
    heldEntries = new HeldEntries(connection);
    inserter = new EntryInserter(connection);
    flagSameControlId =
        connection.prepareStatement(
            "UPDATE entry SET control_id_reused = 1 WHERE control_id IS ? AND sending_facility IS ?"
                + " AND sending_application IS ? AND control_id_reused = 0");
    markIndexed =
        connection.prepareStatement("UPDATE journal_mark SET indexed_through = ? WHERE one = 1");
    entryBetween =
        connection.prepareStatement("SELECT 1 FROM entry WHERE seq >= ? AND seq < ? LIMIT 1");
  }

  /** Opens the spool's writing connection in {@code dataDir} (creating the schema if needed). */
  static BatchWriter open(Path dataDir) throws SQLException {
    Connection connection = SpoolDatabase.openWriter(dataDir);
    try {
      return new BatchWriter(connection, SpoolDatabase.walFile(dataDir));
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
  }

  /**
   * Indexes the records (in sequence order) in one transaction and commits it (without fsync: see
   * {@link #sync}); the results are in the order of {@code records}. Any failure rolls the whole
   * transaction back and is thrown.
   */
  List<StoreResult> write(List<JournaledMessage> records) throws SQLException {
    control.execute("BEGIN IMMEDIATE");
    try {
      List<StoreResult> results = writeAll(records);
      markIndexed.setLong(1, records.get(records.size() - 1).sequence());
      markIndexed.executeUpdate();
      control.execute("COMMIT");
      return results;
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
  void sync() throws IOException {
    FileChannel channel;
    synchronized (walLock) {
      if (wal == null) {
        if (!java.nio.file.Files.exists(walFile)) {
          return; // no transaction yet: nothing to make durable
        }
        wal = FileChannel.open(walFile, StandardOpenOption.READ);
      }
      channel = wal;
    }
    channel.force(false);
  }

  /** Runs one read-side update in its own transaction. */
  int update(IndexWork work) throws SQLException {
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
  private List<StoreResult> writeAll(List<JournaledMessage> records) throws SQLException {
    int n = records.size();
    SenderKey[] keys = new SenderKey[n];
    for (int i = 0; i < n; i++) {
      keys[i] = SenderKey.of(records.get(i).message());
    }
    Map<SenderKey, List<HeldEntries.Held>> held =
        heldEntries.find(new HashSet<>(Arrays.asList(keys)));
    List<StoreResult> results = new ArrayList<>(n);
    List<EntryInserter.Row> rows = new ArrayList<>();
    Map<String, Long> sequenceById = new HashMap<>();
    Set<SenderKey> keysInBatch = new HashSet<>();
    Set<SenderKey> reused = new HashSet<>();
    for (int i = 0; i < n; i++) {
      JournaledMessage record = records.get(i);
      String id = record.id();
      SenderKey key = keys[i];
      List<HeldEntries.Held> sameKey = held.getOrDefault(key, List.of());
      HeldEntries.Held same = sameId(sameKey, id);
      Long earlier = same != null ? Long.valueOf(same.sequence()) : sequenceById.get(id);
      if (earlier != null) {
        // A resend (also within this batch): kept once, under the first sequence.
        results.add(new StoreResult(id, earlier, StoreOutcome.DUPLICATE));
        continue;
      }
      StoreOutcome kind = StoreOutcome.STORED;
      if (!sameKey.isEmpty() || keysInBatch.contains(key)) {
        reused.add(key);
        kind = StoreOutcome.STORED_CONTROL_ID_REUSED;
      }
      keysInBatch.add(key);
      sequenceById.put(id, record.sequence());
      rows.add(
          new EntryInserter.Row(
              record.sequence(), id, record.message(), record.segment(), record.offset()));
      results.add(new StoreResult(id, record.sequence(), kind));
    }
    inserter.insert(rows);
    for (SenderKey key : reused) {
      flag(key);
    }
    return results;
  }

  /** The sequence of the held entry with {@code id} from this sender, or -1. */
  long heldSequence(IncomingMessage message, String id) throws SQLException {
    SenderKey key = SenderKey.of(message);
    HeldEntries.Held same = sameId(heldEntries.find(Set.of(key)).getOrDefault(key, List.of()), id);
    return same == null ? -1 : same.sequence();
  }

  private static HeldEntries.Held sameId(List<HeldEntries.Held> held, String id) {
    for (HeldEntries.Held entry : held) {
      if (entry.id().equals(id)) {
        return entry;
      }
    }
    return null;
  }

  private void flag(SenderKey key) throws SQLException {
    flagSameControlId.setString(1, key.controlId());
    flagSameControlId.setString(2, key.sendingFacility());
    flagSameControlId.setString(3, key.sendingApplication());
    flagSameControlId.executeUpdate();
  }

  /** Whether any entry has a sequence in {@code [from, until)}. */
  boolean holdsEntriesBetween(long from, long until) throws SQLException {
    entryBetween.setLong(1, from);
    entryBetween.setLong(2, until);
    try (ResultSet row = entryBetween.executeQuery()) {
      return row.next();
    }
  }

  /** The unshipped entries and bytes the index holds now. */
  Tally unshipped() throws SQLException {
    try (ResultSet row = unshipped.executeQuery()) {
      if (!row.next() || row.getInt(1) != 2) {
        throw new SQLException("spool tally rows for RECEIVED and QUARANTINED are missing");
      }
      return new Tally(row.getLong(2), row.getLong(3));
    }
  }

  /** The last journal sequence indexed, and the highest sequence the entry table ever held. */
  long[] marks() throws SQLException {
    try (ResultSet row =
        control.executeQuery(
            "SELECT (SELECT indexed_through FROM journal_mark WHERE one = 1),"
                + " (SELECT coalesce(max(seq), 0) FROM sqlite_sequence WHERE name = 'entry'),"
                + " (SELECT coalesce(max(seq), 0) FROM entry)")) {
      row.next();
      return new long[] {row.getLong(1), Math.max(row.getLong(2), row.getLong(3))};
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
        unshipped;
        heldEntries;
        inserter;
        flagSameControlId;
        markIndexed;
        entryBetween) {
      // try-with-resources closes the statements, then the connection
    }
  }
}
