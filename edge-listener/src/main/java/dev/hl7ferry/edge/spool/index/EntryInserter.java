package dev.hl7ferry.edge.spool.index;

import dev.hl7ferry.edge.spool.EntryState;
import dev.hl7ferry.edge.spool.IncomingMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/**
 * Inserts new entries with multi-row INSERT statements (chunks of 64, 16, 4 and 1 rows): one
 * statement step per chunk instead of one per message, which is most of what an insert costs
 * through JDBC. Each row carries the sequence the journal gave it.
 */
final class EntryInserter implements AutoCloseable {
  private static final int[] CHUNKS = {64, 16, 4, 1};
  private static final int COLUMNS = 17;
  private static final String INSERT =
      "INSERT INTO entry (seq, id, size, charset, sending_application, sending_facility,"
          + " receiving_application, receiving_facility, message_type, control_id,"
          + " processing_id, version_id, peer, received_at, state, journal_segment,"
          + " journal_offset) VALUES ";
  private static final String ROW =
      "(" + String.join(", ", Collections.nCopies(COLUMNS, "?")) + ")";

  /**
   * A row to insert: its journal sequence, the entry id, its message and where the journal holds
   * the frame (the payload stays there only).
   */
  record Row(long sequence, String id, IncomingMessage message, long segment, long offset) {}

  private final PreparedStatement[] statements = new PreparedStatement[CHUNKS.length];

  EntryInserter(Connection connection) throws SQLException {
    try {
      for (int i = 0; i < CHUNKS.length; i++) {
        statements[i] =
            connection.prepareStatement(
                INSERT + String.join(", ", Collections.nCopies(CHUNKS[i], ROW)));
      }
    } catch (SQLException e) {
      close();
      throw e;
    }
  }

  /** Inserts {@code rows} in the current transaction. */
  void insert(List<Row> rows) throws SQLException {
    int done = 0;
    for (int i = 0; i < CHUNKS.length; i++) {
      while (rows.size() - done >= CHUNKS[i]) {
        insertChunk(statements[i], rows.subList(done, done + CHUNKS[i]));
        done += CHUNKS[i];
      }
    }
  }

  private static void insertChunk(PreparedStatement statement, List<Row> chunk)
      throws SQLException {
    int parameter = 1;
    for (Row row : chunk) {
      parameter = bind(statement, parameter, row);
    }
    statement.executeUpdate();
  }

  private static int bind(PreparedStatement statement, int first, Row row) throws SQLException {
    IncomingMessage message = row.message();
    int p = first;
    statement.setLong(p++, row.sequence());
    statement.setString(p++, row.id());
    statement.setInt(p++, message.payload().length);
    statement.setString(p++, message.charset());
    statement.setString(p++, message.sendingApplication());
    statement.setString(p++, message.sendingFacility());
    statement.setString(p++, message.receivingApplication());
    statement.setString(p++, message.receivingFacility());
    statement.setString(p++, message.messageType());
    statement.setString(p++, message.controlId());
    statement.setString(p++, message.processingId());
    statement.setString(p++, message.versionId());
    statement.setString(p++, message.peer());
    statement.setLong(p++, message.receivedAt().toEpochMilli());
    statement.setString(p++, EntryState.RECEIVED.name());
    statement.setLong(p++, row.segment());
    statement.setLong(p++, row.offset());
    return p;
  }

  @Override
  public void close() throws SQLException {
    SQLException failure = null;
    for (PreparedStatement statement : statements) {
      if (statement == null) {
        continue;
      }
      try {
        statement.close();
      } catch (SQLException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
