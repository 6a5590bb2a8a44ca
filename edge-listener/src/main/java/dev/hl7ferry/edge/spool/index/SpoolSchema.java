package dev.hl7ferry.edge.spool.index;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The index's tables. One row per entry, pointing at its frame in the journal (which keeps the
 * payload); {@code seq} is the journal's sequence and {@code AUTOINCREMENT} remembers the highest
 * ever held, so a sequence is never reused even after every entry was pruned (the shipper keeps a
 * cursor on it). The {@code tally} table is kept by triggers, so counts and bytes per state (quota,
 * stats) are read in O(1) and stay right whichever process writes. {@code journal_mark} holds the
 * last journal sequence the index holds, written in the same transaction as the entries, so
 * recovery knows which journal records still need indexing.
 *
 * <p>There is no index on the random entry id: each insert would dirty a different page of it. Ids
 * stay unique through the writer's sender + control id lookup ({@link BatchWriter}); updates go by
 * {@code seq}.
 *
 * <p>One schema version exists; a file of any other version is refused, naming the file and both
 * versions.
 */
final class SpoolSchema {
  static final int VERSION = 1;

  private static final String ENTRY_TABLE =
      """
      CREATE TABLE IF NOT EXISTS entry (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL,
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
        state TEXT NOT NULL CHECK (state IN ('RECEIVED', 'SHIPPED', 'QUARANTINED')),
        attempts INTEGER NOT NULL DEFAULT 0,
        control_id_reused INTEGER NOT NULL DEFAULT 0,
        shipped_at INTEGER,
        reason TEXT,
        journal_segment INTEGER NOT NULL,
        journal_offset INTEGER NOT NULL)""";

  /** Indexes and triggers on {@code entry}; all idempotent. */
  private static final List<String> ENTRY_EXTRAS =
      List.of(
          """
          CREATE INDEX IF NOT EXISTS entry_sender_control
            ON entry (control_id, sending_facility, sending_application)""",
          "CREATE INDEX IF NOT EXISTS entry_unshipped ON entry (seq) WHERE state = 'RECEIVED'",
          "CREATE INDEX IF NOT EXISTS entry_shipped ON entry (shipped_at) WHERE state = 'SHIPPED'",
          "CREATE INDEX IF NOT EXISTS entry_quarantined ON entry (seq) WHERE state = 'QUARANTINED'",
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
          END""");

  private static final List<String> TALLY =
      List.of(
          """
          CREATE TABLE IF NOT EXISTS tally (
            state TEXT PRIMARY KEY,
            entries INTEGER NOT NULL,
            bytes INTEGER NOT NULL) WITHOUT ROWID""",
          "INSERT OR IGNORE INTO tally VALUES ('RECEIVED', 0, 0), ('SHIPPED', 0, 0), ('QUARANTINED', 0, 0)",
          """
          CREATE TABLE IF NOT EXISTS journal_mark (
            one INTEGER PRIMARY KEY CHECK (one = 1),
            indexed_through INTEGER NOT NULL)""",
          "INSERT OR IGNORE INTO journal_mark VALUES (1, 0)");

  private SpoolSchema() {}

  /**
   * Creates the schema in a new file (one transaction); accepts a file of this version; refuses
   * anything else with a message naming {@code file} and the version found and expected.
   */
  static void ensure(Connection connection, Path file) throws SQLException {
    int version = version(connection);
    if (version == VERSION) {
      return;
    }
    if (version != 0 || hasTables(connection)) {
      throw refusal(file, version);
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute("BEGIN IMMEDIATE");
      try {
        statement.execute(ENTRY_TABLE);
        for (String sql : TALLY) {
          statement.execute(sql);
        }
        for (String sql : ENTRY_EXTRAS) {
          statement.execute(sql);
        }
        statement.execute("PRAGMA user_version = " + VERSION);
        statement.execute("COMMIT");
      } catch (SQLException e) {
        statement.execute("ROLLBACK");
        throw e;
      }
    }
  }

  /** Fails unless {@code file} holds this schema version. */
  static void check(Connection connection, Path file) throws SQLException {
    int version = version(connection);
    if (version != VERSION) {
      throw refusal(file, version);
    }
  }

  private static SQLException refusal(Path file, int version) {
    return new SQLException(
        "spool database "
            + file
            + " has schema version "
            + version
            + ", this edge expects version "
            + VERSION
            + "; it was not written by this release (move the spool directory aside to start"
            + " a new one)");
  }

  /** Whether a file without a version already holds tables (not a spool this edge created). */
  private static boolean hasTables(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT count(*) FROM sqlite_master")) {
      return result.next() && result.getInt(1) > 0;
    }
  }

  private static int version(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("PRAGMA user_version")) {
      return result.next() ? result.getInt(1) : 0;
    }
  }
}
