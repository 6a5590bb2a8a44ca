package dev.hl7ferry.edge.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hl7ferry.edge.TestMessages;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Entries set aside with a reason, brought back, dropped; and one sender's line read alone. */
class SpoolQuarantineTest {
  @TempDir Path dir;
  private SqliteSpool spool;

  @AfterEach
  void close() {
    if (spool != null) {
      spool.close();
    }
  }

  private SqliteSpool open() {
    spool = SqliteSpool.open(SpoolSettings.of(dir, Long.MAX_VALUE, Long.MAX_VALUE));
    return spool;
  }

  private String store(IncomingMessage message) throws Exception {
    return spool.store(message).get(10, TimeUnit.SECONDS).id();
  }

  @Test
  void aQuarantinedEntryLeavesTheLineKeepsItsReasonAndCountsInTheStats() throws Exception {
    open();
    store(TestMessages.message("Q1"));
    String second = store(TestMessages.message("Q2"));
    SpoolEntry first = spool.unshipped(0, 10).get(0);

    spool.recordFailure(first.sequence(), "put: 400 InvalidArgument");
    assertTrue(spool.quarantine(first.sequence(), "refused for good: 400 InvalidArgument"));

    List<SpoolEntry> line = spool.unshipped(0, 10);
    assertEquals(List.of(second), line.stream().map(SpoolEntry::id).toList());
    SpoolStats stats = spool.stats();
    assertEquals(1, stats.received());
    assertEquals(1, stats.quarantined());
    assertEquals(first.message().payload().length, stats.quarantinedBytes());
    List<EntrySummary> aside = spool.list(0, 10, EntryState.QUARANTINED);
    assertEquals(1, aside.size());
    assertEquals("refused for good: 400 InvalidArgument", aside.get(0).reason());
    assertEquals(1, aside.get(0).attempts());
    assertFalse(spool.quarantine(first.sequence(), "again"), "only a RECEIVED entry goes aside");
  }

  @Test
  void releaseBringsItBackWithAttemptsFromZeroAndDropDeletesIt() throws Exception {
    open();
    String id = store(TestMessages.message("R1"));
    SpoolEntry entry = spool.unshipped(0, 10).get(0);
    spool.recordFailure(entry.sequence(), "x");
    spool.quarantine(entry.sequence(), "y");

    assertTrue(spool.release(id));
    SpoolEntry back = spool.unshipped(0, 10).get(0);
    assertEquals(EntryState.RECEIVED, back.state());
    assertEquals(0, back.attempts());
    assertFalse(spool.release(id), "a RECEIVED entry is not released twice");

    assertTrue(spool.drop(id));
    assertEquals(0, spool.stats().total());
    assertFalse(spool.drop(id));
  }

  @Test
  void aShippedEntryIsNeverDropped() throws Exception {
    open();
    String id = store(TestMessages.message("S1"));
    spool.markShipped(List.of(spool.unshipped(0, 1).get(0).sequence()), Instant.now());
    assertFalse(spool.drop(id));
    assertEquals(1, spool.stats().shipped());
  }

  @Test
  void toolsReleaseAndDropBesideAnOpenSpool() throws Exception {
    open();
    String id = store(TestMessages.message("T1"));
    spool.quarantine(spool.unshipped(0, 1).get(0).sequence(), "aside");

    assertTrue(SqliteSpool.release(dir, id));
    assertEquals(1, spool.stats().received());
    assertTrue(SqliteSpool.drop(dir, id));
    assertEquals(0, spool.stats().total());
  }

  @Test
  void oneSendersLineIsReadAloneInOrderAndReleasedTogether() throws Exception {
    open();
    store(TestMessages.withSender("A", "1"));
    store(TestMessages.withSender("B", "2"));
    store(TestMessages.withSender("A", "3"));
    store(TestMessages.withSender("B", "4"));

    List<SpoolEntry> a = spool.unshippedFrom("A", 0, 10);
    assertEquals(List.of("1", "3"), a.stream().map(e -> e.message().controlId()).toList());
    assertEquals(
        List.of("4"),
        spool.unshippedFrom("B", spool.unshippedFrom("B", 0, 1).get(0).sequence(), 10).stream()
            .map(e -> e.message().controlId())
            .toList());

    a.forEach(e -> spool.quarantine(e.sequence(), "dead"));
    assertTrue(spool.unshippedFrom("A", 0, 10).isEmpty());
    assertEquals(2, spool.releaseFrom("A"));
    assertEquals(2, spool.unshippedFrom("A", 0, 10).size());
    assertEquals(0, SqliteSpool.releaseFrom(dir, "A"), "nothing of A is aside any more");
  }
}
