package dev.hl7ferry.edge.spool.index;

import dev.hl7ferry.edge.spool.EntryState;
import dev.hl7ferry.edge.spool.EntrySummary;
import dev.hl7ferry.edge.spool.IncomingMessage;
import dev.hl7ferry.edge.spool.SpoolAccessException;
import dev.hl7ferry.edge.spool.SpoolEntry;
import dev.hl7ferry.edge.spool.SpoolStats;
import dev.hl7ferry.edge.spool.journal.JournalReader;
import dev.hl7ferry.edge.spool.journal.JournalSegments;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The spool's read queries on a connection of their own, so readers see committed snapshots (WAL)
 * while the writer thread keeps committing. Methods are serialized on this object because a JDBC
 * connection is not thread-safe.
 */
public final class SpoolQueries implements AutoCloseable {
  private static final String ENTRY_COLUMNS =
      "seq, id, charset, sending_application, sending_facility, receiving_application,"
          + " receiving_facility, message_type, control_id, processing_id, version_id, peer,"
          + " received_at, state, attempts, control_id_reused, shipped_at, reason, journal_segment,"
          + " journal_offset";
  private static final String SUMMARY_COLUMNS =
      "seq, id, control_id, message_type, state, received_at, size, attempts,"
          + " control_id_reused, shipped_at, reason, sending_application";

  private final Connection connection;
  private final Path journalDir;
  private boolean closed;

  /** Read queries on the spool in {@code dataDir}; fails when there is none. */
  public static SpoolQueries open(Path dataDir) throws SQLException {
    return new SpoolQueries(
        SpoolDatabase.openReadOnly(dataDir), JournalSegments.directory(dataDir));
  }

  private SpoolQueries(Connection connection, Path journalDir) {
    this.connection = connection;
    this.journalDir = journalDir;
  }

  /** RECEIVED entries after {@code afterSequence} in receive order (uses the partial index). */
  public synchronized List<SpoolEntry> unshipped(long afterSequence, int limit) {
    return unshippedFrom(null, afterSequence, limit);
  }

  /**
   * RECEIVED entries of one sending application (all when null) after {@code afterSequence} in
   * receive order: the outbound store keeps its destination there, so each destination reads its
   * own line.
   */
  public synchronized List<SpoolEntry> unshippedFrom(
      String sendingApplication, long afterSequence, int limit) {
    String sql =
        "SELECT "
            + ENTRY_COLUMNS
            + " FROM entry WHERE state = 'RECEIVED' AND seq > ?"
            + senderFilter(sendingApplication)
            + " ORDER BY seq LIMIT ?";
    try (JournalReader journal = new JournalReader(journalDir)) {
      return query(sql, afterSequence, sendingApplication, limit, row -> entry(row, journal));
    }
  }

  /**
   * Entries after {@code afterSequence} in receive order, without payloads; only those in {@code
   * state} unless it is null.
   */
  public synchronized List<EntrySummary> list(long afterSequence, int limit, EntryState state) {
    return list(afterSequence, limit, state, null);
  }

  /** Like {@link #list(long, int, EntryState)}, only entries of one sending application. */
  public synchronized List<EntrySummary> list(
      long afterSequence, int limit, EntryState state, String sendingApplication) {
    // The state is a literal, not a parameter, so RECEIVED can use the partial index.
    String filter = state == null ? "" : " AND state = '" + state.name() + "'";
    String sql =
        "SELECT "
            + SUMMARY_COLUMNS
            + " FROM entry WHERE seq > ?"
            + senderFilter(sendingApplication)
            + filter
            + " ORDER BY seq LIMIT ?";
    return query(sql, afterSequence, sendingApplication, limit, SpoolQueries::summary);
  }

  /** The entry with {@code id}, if held. */
  public synchronized Optional<SpoolEntry> entry(String id) {
    checkOpen();
    try (PreparedStatement statement =
        connection.prepareStatement("SELECT " + ENTRY_COLUMNS + " FROM entry WHERE id = ?")) {
      statement.setString(1, id);
      try (ResultSet row = statement.executeQuery();
          JournalReader journal = new JournalReader(journalDir)) {
        return row.next() ? Optional.of(entry(row, journal)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new SpoolAccessException("reading spool entry " + id + " failed", e);
    }
  }

  /** The last journal sequence the index holds. */
  public synchronized long indexedThrough() {
    checkOpen();
    try (PreparedStatement mark =
            connection.prepareStatement("SELECT indexed_through FROM journal_mark WHERE one = 1");
        ResultSet row = mark.executeQuery()) {
      return row.next() ? row.getLong(1) : 0;
    } catch (SQLException e) {
      throw new SpoolAccessException("reading the spool's journal mark failed", e);
    }
  }

  /** Counts and bytes by state, from the trigger-kept tally, in one read transaction. */
  public synchronized SpoolStats stats() {
    checkOpen();
    try (PreparedStatement tally =
            connection.prepareStatement("SELECT state, entries, bytes FROM tally");
        PreparedStatement oldest =
            connection.prepareStatement(
                "SELECT received_at FROM entry WHERE state = 'RECEIVED' ORDER BY seq LIMIT 1")) {
      connection.setAutoCommit(false);
      try {
        long[] counts = new long[6];
        try (ResultSet rows = tally.executeQuery()) {
          while (rows.next()) {
            int offset = 2 * EntryState.valueOf(rows.getString(1)).ordinal();
            counts[offset] = rows.getLong(2);
            counts[offset + 1] = rows.getLong(3);
          }
        }
        Instant oldestUnshipped;
        try (ResultSet row = oldest.executeQuery()) {
          oldestUnshipped = row.next() ? Instant.ofEpochMilli(row.getLong(1)) : null;
        }
        return new SpoolStats(
            counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], oldestUnshipped);
      } finally {
        connection.commit();
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new SpoolAccessException("reading spool stats failed", e);
    }
  }

  /**
   * Entries in {@code state} per sending application (the outbound store's destination), from the
   * partial index of that state: a read of those rows, so keep it to occasional calls.
   */
  public synchronized Map<String, Long> countBySender(EntryState state) {
    checkOpen();
    try (PreparedStatement counts =
        connection.prepareStatement(
            "SELECT sending_application, COUNT(*) FROM entry WHERE state = ?"
                + " GROUP BY sending_application")) {
      counts.setString(1, state.name());
      Map<String, Long> found = new TreeMap<>();
      try (ResultSet rows = counts.executeQuery()) {
        while (rows.next()) {
          found.put(String.valueOf(rows.getString(1)), rows.getLong(2));
        }
      }
      return found;
    } catch (SQLException e) {
      throw new SpoolAccessException("counting spool entries by sender failed", e);
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      connection.close();
    } catch (SQLException e) {
      throw new SpoolAccessException("closing the spool read connection failed", e);
    }
  }

  private interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
  }

  private static String senderFilter(String sendingApplication) {
    return sendingApplication == null ? "" : " AND sending_application = ?";
  }

  /** Runs {@code sql} with its parameters: the sequence, the sending application if any, limit. */
  private <T> List<T> query(
      String sql, long afterSequence, String sendingApplication, int limit, RowMapper<T> mapper) {
    checkOpen();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      int parameter = 1;
      statement.setLong(parameter++, afterSequence);
      if (sendingApplication != null) {
        statement.setString(parameter++, sendingApplication);
      }
      statement.setInt(parameter, limit);
      List<T> result = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          result.add(mapper.map(rows));
        }
      }
      return result;
    } catch (SQLException e) {
      throw new SpoolAccessException("reading spool entries after " + afterSequence + " failed", e);
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new SpoolAccessException("spool is closed", null);
    }
  }

  /** An entry row with its payload, read from the journal. */
  private static SpoolEntry entry(ResultSet row, JournalReader journal) throws SQLException {
    long sequence = row.getLong("seq");
    byte[] payload;
    try {
      payload =
          journal.payload(row.getLong("journal_segment"), row.getLong("journal_offset"), sequence);
    } catch (IOException e) {
      throw new SQLException(e.getMessage(), e);
    }
    IncomingMessage message =
        new IncomingMessage(
            payload,
            row.getString("charset"),
            row.getString("sending_application"),
            row.getString("sending_facility"),
            row.getString("receiving_application"),
            row.getString("receiving_facility"),
            row.getString("message_type"),
            row.getString("control_id"),
            row.getString("processing_id"),
            row.getString("version_id"),
            row.getString("peer"),
            Instant.ofEpochMilli(row.getLong("received_at")));
    return new SpoolEntry(
        sequence,
        row.getString("id"),
        message,
        EntryState.valueOf(row.getString("state")),
        row.getInt("attempts"),
        row.getInt("control_id_reused") != 0,
        instantOrNull(row, "shipped_at"),
        row.getString("reason"));
  }

  private static EntrySummary summary(ResultSet row) throws SQLException {
    return new EntrySummary(
        row.getLong("seq"),
        row.getString("id"),
        row.getString("control_id"),
        row.getString("message_type"),
        EntryState.valueOf(row.getString("state")),
        Instant.ofEpochMilli(row.getLong("received_at")),
        row.getInt("size"),
        row.getInt("attempts"),
        row.getInt("control_id_reused") != 0,
        instantOrNull(row, "shipped_at"),
        row.getString("reason"),
        row.getString("sending_application"));
  }

  private static Instant instantOrNull(ResultSet row, String column) throws SQLException {
    long millis = row.getLong(column);
    return row.wasNull() ? null : Instant.ofEpochMilli(millis);
  }
}
