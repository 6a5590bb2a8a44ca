package dev.hl7ferry.edge.spool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spool files written by schema versions 1 and 2 open as the current version with every entry and
 * count kept; their payloads stay inline, new entries' payloads are read from the journal.
 */
class SpoolSchemaUpgradeTest {
  @TempDir Path dir;

  /** Version 1's entry table: as version 2, but the random id carried a UNIQUE index. */
  private static final String VERSION_1_ENTRY =
      """
      CREATE TABLE entry (
        seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, payload BLOB NOT NULL,
        size INTEGER NOT NULL, charset TEXT NOT NULL, sending_application TEXT,
        sending_facility TEXT, receiving_application TEXT, receiving_facility TEXT,
        message_type TEXT, control_id TEXT, processing_id TEXT, version_id TEXT, peer TEXT,
        received_at INTEGER NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('RECEIVED', 'SHIPPED')),
        attempts INTEGER NOT NULL DEFAULT 0, control_id_reused INTEGER NOT NULL DEFAULT 0,
        shipped_at INTEGER)""";

  @Test
  void aVersionOneSpoolIsUpgradedWithEntriesTallyAndSequencesKept() throws Exception {
    upgradeKeepsEverything(VERSION_1_ENTRY, 1);
  }

  @Test
  void aVersionTwoSpoolIsUpgradedWithEntriesTallyAndSequencesKept() throws Exception {
    upgradeKeepsEverything(
        VERSION_1_ENTRY.replace("id TEXT NOT NULL UNIQUE", "id TEXT NOT NULL"), 2);
  }

  private void upgradeKeepsEverything(String entryTable, int oldVersion) throws Exception {
    IncomingMessage held = TestMessages.message("HELD");
    String heldId = EntryId.of(held);
    try (Connection c =
            DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SpoolDatabase.FILE_NAME));
        Statement s = c.createStatement()) {
      s.execute(entryTable);
      s.execute("CREATE TABLE tally (state TEXT PRIMARY KEY, entries INTEGER, bytes INTEGER)");
      // Version 1's delete trigger: dropping the old table during the upgrade must not fire it.
      s.execute(
          "CREATE TRIGGER tally_delete AFTER DELETE ON entry BEGIN UPDATE tally SET entries ="
              + " entries - 1, bytes = bytes - OLD.size WHERE state = OLD.state; END");
      s.execute(
          "INSERT INTO tally VALUES ('RECEIVED', 1, "
              + held.payload().length
              + "), ('SHIPPED', 0, 0)");
      s.execute(
          "INSERT INTO entry (seq, id, payload, size, charset, sending_application,"
              + " sending_facility, control_id, message_type, received_at, state) VALUES (7, '"
              + heldId
              + "', x'"
              + java.util.HexFormat.of().formatHex(held.payload())
              + "', "
              + held.payload().length
              + ", 'UTF-8', '"
              + held.sendingApplication()
              + "', '"
              + held.sendingFacility()
              + "', 'HELD', 'ORU^R01', 0, 'RECEIVED')");
      // A later entry was pruned: its sequence must never come back.
      s.execute("UPDATE sqlite_sequence SET seq = 40 WHERE name = 'entry'");
      s.execute("PRAGMA user_version = " + oldVersion);
    }

    try (SqliteSpool spool =
        SqliteSpool.open(SpoolSettings.of(dir, Long.MAX_VALUE, Long.MAX_VALUE))) {
      List<SpoolEntry> unshipped = spool.unshipped(0, 10);
      assertEquals(1, unshipped.size());
      assertEquals(7, unshipped.get(0).sequence());
      assertEquals(heldId, unshipped.get(0).id());
      assertArrayEquals(held.payload(), unshipped.get(0).message().payload()); // inline
      assertEquals(1, spool.stats().received());

      StoreResult again = spool.store(held).get(10, TimeUnit.SECONDS);
      assertEquals(StoreOutcome.DUPLICATE, again.outcome());
      assertEquals(7, again.sequence());
      StoreResult next = spool.store(TestMessages.message("NEXT")).get(10, TimeUnit.SECONDS);
      assertEquals(StoreOutcome.STORED, next.outcome());
      assertTrue(next.sequence() > 40, "sequence " + next.sequence() + " reuses a pruned one");
      assertEquals(2, spool.stats().received());
      assertArrayEquals(
          TestMessages.message("NEXT").payload(),
          spool.unshipped(7, 10).get(0).message().payload()); // from the journal
      spool.markShipped(List.of(7L), Instant.now());
      assertEquals(1, spool.stats().shipped());
    }
    try (Connection c =
            DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SpoolDatabase.FILE_NAME));
        Statement s = c.createStatement();
        ResultSet version = s.executeQuery("PRAGMA user_version")) {
      version.next();
      assertEquals(SpoolSchema.VERSION, version.getInt(1));
    }
  }
}
