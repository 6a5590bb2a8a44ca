package dev.hl7ferry.edge.spool;

import dev.hl7ferry.edge.spool.SpoolRejectedException.Reason;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one group of store requests in a single transaction on the writer connection: duplicate
 * check, quota check, insert and control-id-reuse flag per message, then one commit (one fsync).
 * Not thread-safe: only the writer thread uses it.
 */
final class BatchWriter implements AutoCloseable {

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
  private final long maxBytes;
  private final long maxMessages;
  private final Statement control;
  private final PreparedStatement backlog;
  private final PreparedStatement insert;
  private final PreparedStatement findSameControlId;
  private final PreparedStatement flagSameControlId;

  BatchWriter(Connection connection, long maxBytes, long maxMessages) throws SQLException {
    this.connection = connection;
    this.maxBytes = maxBytes;
    this.maxMessages = maxMessages;
    control = connection.createStatement();
    backlog = connection.prepareStatement("SELECT entries, bytes FROM tally WHERE state = ?");
    insert =
        connection.prepareStatement(
            "INSERT INTO entry (id, payload, size, charset, sending_application,"
                + " sending_facility, receiving_application, receiving_facility, message_type,"
                + " control_id, processing_id, version_id, peer, received_at, state)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING seq");
    String sameControlId =
        " WHERE control_id IS ? AND sending_facility IS ? AND sending_application IS ?";
    findSameControlId = connection.prepareStatement("SELECT id, seq FROM entry" + sameControlId);
    flagSameControlId =
        connection.prepareStatement(
            "UPDATE entry SET control_id_reused = 1"
                + sameControlId
                + " AND control_id_reused = 0");
  }

  Connection connection() {
    return connection;
  }

  /**
   * Stores the requests in one transaction and commits it. Quota rejections are per message; any
   * SQL failure rolls the whole transaction back and is thrown.
   */
  List<Outcome> write(List<WriteRequest.Store> requests) throws SQLException {
    List<Outcome> outcomes = new ArrayList<>(requests.size());
    control.execute("BEGIN IMMEDIATE");
    try {
      long[] pending = receivedBacklog();
      for (WriteRequest.Store request : requests) {
        outcomes.add(writeOne(request, pending));
      }
      control.execute("COMMIT");
    } catch (SQLException | RuntimeException e) {
      rollbackAfter(e);
      throw e;
    }
    return outcomes;
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
   * One lookup on the sender + control id index finds both cases: the identical message (same id: a
   * resend) and other bytes under the same control id (a reuse). The id is a digest over the sender
   * and control id, so equal ids always meet in this lookup: it is what keeps ids unique, on the
   * single writer thread, without a UNIQUE index on the random id (whose scattered page writes cost
   * more than everything else in an insert; see SPOOL.md).
   */
  private Outcome writeOne(WriteRequest.Store request, long[] pending) throws SQLException {
    IncomingMessage message = request.message();
    String id = EntryId.of(message);
    boolean sameControlIdHeld = false;
    bindSameControlId(findSameControlId, message);
    try (ResultSet held = findSameControlId.executeQuery()) {
      while (held.next()) {
        if (id.equals(held.getString(1))) {
          return new Outcome(
              request, new StoreResult(id, held.getLong(2), StoreOutcome.DUPLICATE), null);
        }
        sameControlIdHeld = true;
      }
    }
    int size = message.payload().length;
    if (pending[0] + 1 > maxMessages) {
      return rejected(request, Reason.QUOTA_MESSAGES, "spool holds " + pending[0] + " unshipped");
    }
    if (pending[1] + size > maxBytes) {
      return rejected(
          request, Reason.QUOTA_BYTES, "spool holds " + pending[1] + " unshipped bytes");
    }
    bindInsert(id, message);
    long sequence;
    try (ResultSet inserted = insert.executeQuery()) {
      if (!inserted.next()) {
        throw new SQLException("insert of control id " + message.controlId() + " returned no seq");
      }
      sequence = inserted.getLong(1);
    }
    pending[0]++;
    pending[1] += size;
    if (sameControlIdHeld) {
      bindSameControlId(flagSameControlId, message);
      flagSameControlId.executeUpdate();
      return new Outcome(
          request, new StoreResult(id, sequence, StoreOutcome.STORED_CONTROL_ID_REUSED), null);
    }
    return new Outcome(request, new StoreResult(id, sequence, StoreOutcome.STORED), null);
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

  private void bindInsert(String id, IncomingMessage message) throws SQLException {
    insert.setString(1, id);
    insert.setBytes(2, message.payload());
    insert.setInt(3, message.payload().length);
    insert.setString(4, message.charset());
    insert.setString(5, message.sendingApplication());
    insert.setString(6, message.sendingFacility());
    insert.setString(7, message.receivingApplication());
    insert.setString(8, message.receivingFacility());
    insert.setString(9, message.messageType());
    insert.setString(10, message.controlId());
    insert.setString(11, message.processingId());
    insert.setString(12, message.versionId());
    insert.setString(13, message.peer());
    insert.setLong(14, message.receivedAt().toEpochMilli());
    insert.setString(15, EntryState.RECEIVED.name());
  }

  private static void bindSameControlId(PreparedStatement statement, IncomingMessage message)
      throws SQLException {
    statement.setString(1, message.controlId());
    statement.setString(2, message.sendingFacility());
    statement.setString(3, message.sendingApplication());
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
    try (connection;
        control;
        backlog;
        insert;
        findSameControlId;
        flagSameControlId) {
      // try-with-resources closes the statements, then the connection
    }
  }
}
