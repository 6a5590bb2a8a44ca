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
 *
 * <p>Version 2 dropped version 1's UNIQUE index on the random entry id: each insert dirtied a
 * different page of it, which made an insert cost twice as much CPU and WAL bytes. Ids stay unique
 * through the writer's sender + control id lookup ({@link BatchWriter}); updates go by {@code seq}.
 * A version 1 file is rebuilt in place on open.
 *
 * <p>Version 3 added {@code journal_mark}: the last journal sequence the index holds, written in
 * the same transaction as the entries, so recovery knows which journal records still need indexing.
 * Entries take their {@code seq} from the journal; AUTOINCREMENT still remembers the highest.
 */
final class SpoolSchema {
  static final int VERSION = 3;

  private static final String ENTRY_TABLE =
      """
      CREATE TABLE IF NOT EXISTS %s (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL,
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
        shipped_at INTEGER,
        journal_segment INTEGER,
        journal_offset INTEGER)""";

  /** The columns versions 1 and 2 had, in their order. */
  private static final String VERSION_2_COLUMNS =
      "seq, id, payload, size, charset, sending_application, sending_facility,"
          + " receiving_application, receiving_facility, message_type, control_id, processing_id,"
          + " version_id, peer, received_at, state, attempts, control_id_reused, shipped_at";

  /** Indexes and triggers on {@code entry}; all idempotent. */
  private static final List<String> ENTRY_EXTRAS =
      List.of(
          """
          CREATE INDEX IF NOT EXISTS entry_sender_control
            ON entry (control_id, sending_facility, sending_application)""",
          "CREATE INDEX IF NOT EXISTS entry_unshipped ON entry (seq) WHERE state = 'RECEIVED'",
          "CREATE INDEX IF NOT EXISTS entry_shipped ON entry (shipped_at) WHERE state = 'SHIPPED'",
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
          "INSERT OR IGNORE INTO tally VALUES ('RECEIVED', 0, 0), ('SHIPPED', 0, 0)",
          """
          CREATE TABLE IF NOT EXISTS journal_mark (
            one INTEGER PRIMARY KEY CHECK (one = 1),
            indexed_through INTEGER NOT NULL)""",
          "INSERT OR IGNORE INTO journal_mark VALUES (1, 0)");

  private SpoolSchema() {}

  /**
   * Creates the schema when missing, upgrades a version 1 or 2 file; refuses a file written by a
   * newer schema version. One transaction: a crash mid-upgrade leaves the old version intact.
   */
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
        if (version == 1) {
          rebuildVersion1(statement);
        } else if (version == 2) {
          // Version 2 rows keep their payload inline; new rows point into the journal.
          statement.execute("ALTER TABLE entry ADD COLUMN journal_segment INTEGER");
          statement.execute("ALTER TABLE entry ADD COLUMN journal_offset INTEGER");
        } else {
          statement.execute(ENTRY_TABLE.formatted("entry"));
        }
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

  /**
   * Copies a version 1 entry table into the version 2 layout. Dropping the old table drops its
   * indexes, triggers and AUTOINCREMENT high-water mark; the mark is carried over so sequences are
   * never reused, the tally is untouched because the rows are the same.
   */
  private static void rebuildVersion1(Statement statement) throws SQLException {
    long highWater = 0;
    try (ResultSet row =
        statement.executeQuery("SELECT seq FROM sqlite_sequence WHERE name = 'entry'")) {
      if (row.next()) {
        highWater = row.getLong(1);
      }
    }
    statement.execute(ENTRY_TABLE.formatted("entry_v2"));
    statement.execute(
        "INSERT INTO entry_v2 ("
            + VERSION_2_COLUMNS
            + ") SELECT "
            + VERSION_2_COLUMNS
            + " FROM entry ORDER BY seq");
    statement.execute("DROP TABLE entry");
    statement.execute("ALTER TABLE entry_v2 RENAME TO entry");
    statement.execute("DELETE FROM sqlite_sequence WHERE name = 'entry'");
    statement.execute(
        "INSERT INTO sqlite_sequence (name, seq) VALUES ('entry', max("
            + highWater
            + ", (SELECT coalesce(max(seq), 0) FROM entry)))");
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
