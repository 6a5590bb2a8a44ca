package dev.hl7ferry.edge.spool;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The spool's tables. One row per entry; {@code seq} is {@code AUTOINCREMENT} so a sequence is
 * never reused even after every entry was pruned (the shipper keeps a cursor on it). The {@code
 * tally} table is kept by triggers, so counts and bytes per state (quota, stats) are read in O(1)
 * and stay right whichever process writes.
 */
final class SpoolSchema {
  static final int VERSION = 1;

  private static final List<String> DDL =
      List.of(
          """
          CREATE TABLE IF NOT EXISTS entry (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            payload BLOB NOT NULL,
            size INTEGER NOT NULL,
            charset TEXT NOT NULL,
            sending_application TEXT,
            sending_facility TEXT,
            receiving_application TEXT,
            receiving_facility TEXT,
            message_type TEXT,
            control_id TEXT,
            processing_id TEXT,
            version_id TEXT,
            peer TEXT,
            received_at INTEGER NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('RECEIVED', 'SHIPPED')),
            attempts INTEGER NOT NULL DEFAULT 0,
            control_id_reused INTEGER NOT NULL DEFAULT 0,
            shipped_at INTEGER)""",
          """
          CREATE INDEX IF NOT EXISTS entry_sender_control
            ON entry (control_id, sending_facility, sending_application)""",
          "CREATE INDEX IF NOT EXISTS entry_unshipped ON entry (seq) WHERE state = 'RECEIVED'",
          """
          CREATE TABLE IF NOT EXISTS tally (
            state TEXT PRIMARY KEY,
            entries INTEGER NOT NULL,
            bytes INTEGER NOT NULL) WITHOUT ROWID""",
          "INSERT OR IGNORE INTO tally VALUES ('RECEIVED', 0, 0), ('SHIPPED', 0, 0)",
          """
          CREATE TRIGGER IF NOT EXISTS tally_insert AFTER INSERT ON entry BEGIN
            UPDATE tally SET entries = entries + 1, bytes = bytes + NEW.size
              WHERE state = NEW.state;
          END""",
          """
          CREATE TRIGGER IF NOT EXISTS tally_delete AFTER DELETE ON entry BEGIN
            UPDATE tally SET entries = entries - 1, bytes = bytes - OLD.size
              WHERE state = OLD.state;
          END""",
          """
          CREATE TRIGGER IF NOT EXISTS tally_state AFTER UPDATE OF state ON entry
            WHEN OLD.state <> NEW.state BEGIN
            UPDATE tally SET entries = entries - 1, bytes = bytes - OLD.size
              WHERE state = OLD.state;
            UPDATE tally SET entries = entries + 1, bytes = bytes + NEW.size
              WHERE state = NEW.state;
          END""",
          "PRAGMA user_version = " + VERSION);

  private SpoolSchema() {}

  /** Creates the schema when missing; refuses a file written by a newer schema version. */
  static void ensure(Connection connection) throws SQLException {
    int version = version(connection);
    if (version == VERSION) {
      return;
    }
    if (version > VERSION) {
      throw new SQLException(
          "spool schema version " + version + " is newer than supported " + VERSION);
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute("BEGIN IMMEDIATE");
      try {
        for (String sql : DDL) {
          statement.execute(sql);
        }
        statement.execute("COMMIT");
      } catch (SQLException e) {
        statement.execute("ROLLBACK");
        throw e;
      }
    }
  }

  /** Fails unless the file holds this schema version. */
  static void check(Connection connection) throws SQLException {
    int version = version(connection);
    if (version != VERSION) {
      throw new SQLException("spool schema version " + version + ", expected " + VERSION);
    }
  }

  private static int version(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("PRAGMA user_version")) {
      return result.next() ? result.getInt(1) : 0;
    }
  }
}
