package dev.hl7ferry.edge.spool;

import static dev.hl7ferry.edge.spool.SpoolAssertions.rejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hl7ferry.edge.TestMessages;
import dev.hl7ferry.edge.spool.SpoolRejectedException.Reason;
import dev.hl7ferry.edge.spool.journal.JournalSegments;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Quotas, disk full and store failures: the futures fail with the reason, the spool goes on. */
class SpoolRejectionTest {
  @TempDir Path dir;
  private SqliteSpool spool;

  @AfterEach
  void closeSpool() {
    if (spool != null) {
      spool.close();
    }
  }

  private StoreResult store(IncomingMessage message) throws Exception {
    return spool.store(message).get(10, TimeUnit.SECONDS);
  }

  @Test
  void messageQuotaRefusesTheMessageBeyondItUntilEntriesShip() throws Exception {
    spool = SqliteSpool.open(SpoolSettings.of(dir, Long.MAX_VALUE, 2));
    long first = store(TestMessages.message("A")).sequence();
    store(TestMessages.message("B"));

    SpoolRejectedException refused = rejected(spool.store(TestMessages.message("C")));
    assertEquals(Reason.QUOTA_MESSAGES, refused.reason());

    spool.markShipped(List.of(first), Instant.now());
    assertEquals(StoreOutcome.STORED, store(TestMessages.message("C")).outcome());
  }

  @Test
  void byteQuotaRefusesTheMessageThatWouldPassIt() throws Exception {
    spool = SqliteSpool.open(SpoolSettings.of(dir, 3_000, Long.MAX_VALUE));
    store(TestMessages.sized("A", 1_000));
    store(TestMessages.sized("B", 1_000));

    assertEquals(
        Reason.QUOTA_BYTES, rejected(spool.store(TestMessages.sized("C", 1_200))).reason());
    assertEquals(StoreOutcome.STORED, store(TestMessages.sized("D", 1_000)).outcome());
    assertEquals(3_000, spool.stats().receivedBytes());
  }

  @Test
  void quotaAppliesWithinOneBatch() throws Exception {
    spool = SqliteSpool.open(SpoolSettings.of(dir, Long.MAX_VALUE, 10));
    var futures = new java.util.ArrayList<java.util.concurrent.CompletableFuture<StoreResult>>();
    for (int i = 0; i < 30; i++) {
      futures.add(spool.store(TestMessages.message("M" + i)));
    }
    int refused = 0;
    for (var future : futures) {
      if (future.handle((ok, failure) -> failure != null).get(10, TimeUnit.SECONDS)) {
        assertEquals(Reason.QUOTA_MESSAGES, rejected(future).reason());
        refused++;
      }
    }

    assertEquals(20, refused);
    assertEquals(10, spool.stats().received());
  }

  @Test
  void resendOfAStoredMessageIsAcceptedEvenWhenTheQuotaIsReached() throws Exception {
    spool = SqliteSpool.open(SpoolSettings.of(dir, Long.MAX_VALUE, 1));
    String id = store(TestMessages.message("A")).id();

    StoreResult again = store(TestMessages.message("A"));

    assertEquals(StoreOutcome.DUPLICATE, again.outcome());
    assertEquals(id, again.id());
  }

  /**
   * Disk full is real here: the journal's next segment is swapped for a symbolic link to {@code
   * /dev/full}, whose writes fail with ENOSPC as on a full disk. The message that needs that
   * segment is refused with DISK_FULL and never indexed; the journal continues in a fresh segment
   * and later messages store again.
   */
  @Test
  void diskFullRefusesTheMessagesItHitAndLaterMessagesStillStore() throws Exception {
    Assumptions.assumeTrue(Files.isWritable(Path.of("/dev/full")), "needs /dev/full");
    long segment = 64 * 1024;
    spool =
        SqliteSpool.open(
            SpoolSettings.of(dir, Long.MAX_VALUE, Long.MAX_VALUE).withJournalSegmentBytes(segment));
    store(TestMessages.sized("BEFORE", 40_000));
    Path prepared = JournalSegments.directory(dir).resolve("next.prepared");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!(Files.exists(prepared) && Files.size(prepared) == segment)) {
      assertTrue(System.nanoTime() < deadline, "next segment never prepared");
      Thread.sleep(5);
    }
    Thread.sleep(100); // the preparer's fsync
    Files.delete(prepared);
    Files.createSymbolicLink(prepared, Path.of("/dev/full"));

    SpoolRejectedException refused = rejected(spool.store(TestMessages.sized("HUGE", 40_000)));
    assertEquals(Reason.DISK_FULL, refused.reason());
    assertEquals(StoreOutcome.STORED, store(TestMessages.message("AFTER")).outcome());
    assertEquals(2, spool.stats().received());
    assertTrue(
        spool.unshipped(0, 10).stream().noneMatch(e -> e.message().controlId().equals("HUGE")));
  }

  /**
   * The index failing (SQLite's {@code max_page_count} makes the writer connection hit SQLITE_FULL)
   * refuses nothing: the message is durable in the journal, and the index retries on a fresh
   * connection until it holds it.
   */
  @Test
  void indexFailureIsRetriedAndLosesNothing() throws Exception {
    spool = SqliteSpool.open(SpoolSettings.of(dir, Long.MAX_VALUE, Long.MAX_VALUE));
    store(TestMessages.message("BEFORE"));
    spool.runOnWriter(
        connection -> {
          try (Statement statement = connection.createStatement();
              ResultSet pages = statement.executeQuery("PRAGMA page_count")) {
            pages.next();
            statement.execute("PRAGMA max_page_count = " + (pages.getInt(1) + 4));
            return 0;
          }
        });

    assertEquals(StoreOutcome.STORED, store(TestMessages.sized("HUGE", 200_000)).outcome());
    assertEquals(StoreOutcome.STORED, store(TestMessages.message("AFTER")).outcome());
    assertEquals(3, spool.stats().received());
  }

  @Test
  void aReadOnlyIndexConnectionIsReplacedAndTheMessageIndexed() throws Exception {
    spool = SqliteSpool.open(SpoolSettings.of(dir, Long.MAX_VALUE, Long.MAX_VALUE));
    spool.runOnWriter(
        connection -> {
          try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA query_only = 1");
            return 0;
          }
        });

    assertEquals(StoreOutcome.STORED, store(TestMessages.message("RETRIED")).outcome());
    assertEquals(StoreOutcome.STORED, store(TestMessages.message("LATER")).outcome());
  }

  @Test
  void messageWithoutPayloadIsRefusedWithoutTouchingOthers() throws Exception {
    spool = SqliteSpool.open(SpoolSettings.of(dir, Long.MAX_VALUE, Long.MAX_VALUE));
    IncomingMessage good = TestMessages.message("GOOD");
    IncomingMessage broken =
        new IncomingMessage(
            null,
            "UTF-8",
            "LAB",
            "HOSP",
            "F",
            "C",
            "ADT^A01",
            "BROKEN",
            "P",
            "2.5",
            "peer",
            Instant.now());

    assertEquals(Reason.STORE_FAILED, rejected(spool.store(broken)).reason());
    assertEquals(StoreOutcome.STORED, store(good).outcome());
  }
}
