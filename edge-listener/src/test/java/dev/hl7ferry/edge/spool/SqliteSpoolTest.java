package dev.hl7ferry.edge.spool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hl7ferry.edge.TestMessages;
import dev.hl7ferry.edge.spool.SpoolSettings.AnswerAt;
import dev.hl7ferry.edge.spool.index.IndexBackpressure;
import dev.hl7ferry.edge.spool.index.SpoolDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteSpoolTest {
  private static final long UNLIMITED = Long.MAX_VALUE;

  @TempDir Path dir;
  private SqliteSpool spool;

  @AfterEach
  void closeSpool() {
    if (spool != null) {
      spool.close();
    }
  }

  private SqliteSpool open() {
    spool = SqliteSpool.open(SpoolSettings.of(dir, UNLIMITED, UNLIMITED));
    return spool;
  }

  private static StoreResult stored(CompletableFuture<StoreResult> future) throws Exception {
    return future.get(10, TimeUnit.SECONDS);
  }

  @Test
  void storedMessageIsReadBackWithEveryField() throws Exception {
    IncomingMessage message = TestMessages.message("C1");
    StoreResult result = stored(open().store(message));

    assertEquals(StoreOutcome.STORED, result.outcome());
    List<SpoolEntry> entries = spool.unshipped(0, 10);
    assertEquals(1, entries.size());
    SpoolEntry entry = entries.get(0);
    assertEquals(result.id(), entry.id());
    assertEquals(EntryState.RECEIVED, entry.state());
    assertEquals(0, entry.attempts());
    assertFalse(entry.controlIdReused());
    assertNull(entry.shippedAt());
    IncomingMessage back = entry.message();
    assertArrayEquals(message.payload(), back.payload());
    assertEquals(message.charset(), back.charset());
    assertEquals(message.sendingApplication(), back.sendingApplication());
    assertEquals(message.sendingFacility(), back.sendingFacility());
    assertEquals(message.receivingApplication(), back.receivingApplication());
    assertEquals(message.receivingFacility(), back.receivingFacility());
    assertEquals(message.messageType(), back.messageType());
    assertEquals(message.controlId(), back.controlId());
    assertEquals(message.processingId(), back.processingId());
    assertEquals(message.versionId(), back.versionId());
    assertEquals(message.peer(), back.peer());
    assertEquals(message.receivedAt(), back.receivedAt());
  }

  @Test
  void storeCompletesOnTheSpoolIndexThreadNotTheCaller() throws Exception {
    AtomicReference<String> completedOn = new AtomicReference<>();
    open();
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Integer> blocker = holdWriter(release);
    CompletableFuture<Void> callback =
        spool
            .store(TestMessages.message("C1"))
            .thenRun(() -> completedOn.set(Thread.currentThread().getName()));
    release.countDown();
    blocker.get(10, TimeUnit.SECONDS);
    callback.get(10, TimeUnit.SECONDS);

    assertEquals("spool-index", completedOn.get());
  }

  @Test
  void answeringAtTheJournalCompletesWhileTheIndexIsStillBusy() throws Exception {
    spool =
        SqliteSpool.open(SpoolSettings.of(dir, UNLIMITED, UNLIMITED).answeringAt(AnswerAt.JOURNAL));
    CountDownLatch release = holdWriter();
    AtomicReference<String> completedOn = new AtomicReference<>();
    java.util.concurrent.Executor recording =
        task -> {
          completedOn.set(Thread.currentThread().getName()); // the thread handing the answer over
          task.run();
        };
    StoreResult accepted =
        spool.store(TestMessages.message("J1"), recording).get(10, TimeUnit.SECONDS);
    StoreResult resend = stored(spool.store(TestMessages.message("J1")));
    release.countDown();

    assertEquals(StoreOutcome.ACCEPTED, accepted.outcome());
    assertEquals("spool-journal", completedOn.get());
    assertEquals(StoreOutcome.ACCEPTED, resend.outcome());
    assertEquals(accepted.id(), resend.id());
    // The index keeps the resend once, under the first sequence.
    List<SpoolEntry> entries = spool.unshipped(0, 10);
    assertEquals(1, entries.size());
    assertEquals(accepted.sequence(), entries.get(0).sequence());
  }

  @Test
  void storesOfOneCommitCompleteOnTheCallersExecutorInOneTask() throws Exception {
    open();
    java.util.concurrent.atomic.AtomicInteger tasks =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.ExecutorService loop =
        java.util.concurrent.Executors.newSingleThreadExecutor(r -> new Thread(r, "fake-loop"));
    java.util.concurrent.Executor counting =
        task -> {
          tasks.incrementAndGet();
          loop.execute(task);
        };
    try {
      List<CompletableFuture<String>> threads = new ArrayList<>();
      // Hold the writer with an update so that all stores queue up for one commit.
      CountDownLatch release = new CountDownLatch(1);
      CompletableFuture<Integer> blocker = holdWriter(release);
      for (int i = 0; i < 20; i++) {
        threads.add(
            spool
                .store(TestMessages.message("E" + i), counting)
                .thenApply(result -> Thread.currentThread().getName()));
      }
      release.countDown();
      blocker.get(10, TimeUnit.SECONDS);
      for (CompletableFuture<String> thread : threads) {
        assertEquals("fake-loop", thread.get(10, TimeUnit.SECONDS));
      }
      assertTrue(tasks.get() < 20, tasks.get() + " tasks for 20 stores of one commit");
    } finally {
      loop.shutdownNow();
    }
  }

  @Test
  void entryIdIsTheDigestOfSenderControlIdAndPayload() throws Exception {
    StoreResult result = stored(open().store(TestMessages.message("C1")));

    assertEquals(EntryId.of(TestMessages.message("C1")), result.id());
    assertTrue(result.id().matches("[0-9a-f]{64}"));
  }

  @Test
  void identicalMessageAgainIsADuplicateWithTheSameIdAndNothingNew() throws Exception {
    StoreResult first = stored(open().store(TestMessages.message("C1")));
    StoreResult again = stored(spool.store(TestMessages.message("C1")));

    assertEquals(StoreOutcome.DUPLICATE, again.outcome());
    assertEquals(first.id(), again.id());
    assertEquals(1, spool.stats().received());
  }

  /** Holds the writer thread inside an update until the returned latch is counted down. */
  /** Waits until the journal wrote {@code count} messages (they then wait in the index queue). */
  private void awaitJournaled(long count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (spool.journaled() < count) {
      assertTrue(System.nanoTime() < deadline, "journal wrote only " + spool.journaled());
      Thread.sleep(1);
    }
  }

  private CountDownLatch holdWriter() throws InterruptedException {
    CountDownLatch release = new CountDownLatch(1);
    SpoolAssertions.holdWriter(spool, release);
    return release;
  }

  @Test
  void storeReturnsAtOnceWhileTheWriterIsBusyAndCompletesOnlyAfterTheCommit() throws Exception {
    open();
    CountDownLatch release = holdWriter();

    long start = System.nanoTime();
    CompletableFuture<StoreResult> future = spool.store(TestMessages.message("C1"));
    long tookMillis = (System.nanoTime() - start) / 1_000_000;
    Thread.sleep(100);

    assertTrue(tookMillis < 50, "store() blocked for " + tookMillis + " ms");
    assertFalse(future.isDone(), "completed before its commit");
    release.countDown();
    assertEquals(StoreOutcome.STORED, stored(future).outcome());
  }

  @Test
  void aStalledIndexHoldsTheJournalBackInsteadOfFillingTheHeap() throws Exception {
    spool =
        SqliteSpool.open(SpoolSettings.of(dir, UNLIMITED, UNLIMITED).answeringAt(AnswerAt.JOURNAL));
    CountDownLatch release = holdWriter();
    int size = 1 << 20;
    int beyond = (int) (IndexBackpressure.MAX_BYTES / size) + 1;
    List<CompletableFuture<StoreResult>> first = new ArrayList<>();
    for (int i = 0; i < beyond; i++) {
      first.add(spool.store(TestMessages.sized("BIG" + i, size)));
    }
    for (CompletableFuture<StoreResult> future : first) {
      assertEquals(StoreOutcome.ACCEPTED, stored(future).outcome());
    }
    // The index is now more than the limit behind: the next messages are written, not answered.
    List<CompletableFuture<StoreResult>> held = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      held.add(spool.store(TestMessages.sized("HELD" + i, 1_000)));
    }
    Thread.sleep(500);
    assertTrue(held.stream().noneMatch(CompletableFuture::isDone), "answered past the limit");

    release.countDown();
    for (CompletableFuture<StoreResult> future : held) {
      assertEquals(StoreOutcome.ACCEPTED, stored(future).outcome());
    }
    assertEquals(beyond + held.size(), spool.stats().received());
  }

  @Test
  void duplicatesInsideOneBatchAreStoredOnce() throws Exception {
    open();
    CountDownLatch release = holdWriter();
    List<CompletableFuture<StoreResult>> futures = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      futures.add(spool.store(TestMessages.message("SAME")));
    }
    futures.add(spool.store(TestMessages.message("OTHER")));
    awaitJournaled(51);
    long commitsBefore = spool.commits();
    release.countDown();

    long storedOutcomes = 0;
    Set<String> ids = new HashSet<>();
    for (CompletableFuture<StoreResult> future : futures.subList(0, 50)) {
      StoreResult result = stored(future);
      ids.add(result.id());
      if (result.outcome() == StoreOutcome.STORED) {
        storedOutcomes++;
      } else {
        assertEquals(StoreOutcome.DUPLICATE, result.outcome());
      }
    }
    assertEquals(StoreOutcome.STORED, stored(futures.get(50)).outcome());

    assertEquals(1, storedOutcomes);
    assertEquals(1, ids.size());
    assertEquals(2, spool.stats().received());
    // The held update's commit, then one index transaction for all 51 queued stores.
    assertEquals(commitsBefore + 2, spool.commits());
  }

  @Test
  void sameControlIdWithOtherBytesIsStoredAndBothEntriesFlagged() throws Exception {
    StoreResult first = stored(open().store(TestMessages.message("C1")));
    StoreResult reused = stored(spool.store(TestMessages.variant("C1", "corrected")));

    assertEquals(StoreOutcome.STORED, first.outcome());
    assertEquals(StoreOutcome.STORED_CONTROL_ID_REUSED, reused.outcome());
    assertNotEquals(first.id(), reused.id());
    assertTrue(spool.entry(first.id()).orElseThrow().controlIdReused());
    assertTrue(spool.entry(reused.id()).orElseThrow().controlIdReused());
    assertEquals(2, spool.stats().received());
  }

  @Test
  void sameControlIdFromAnotherFacilityIsNotAReuse() throws Exception {
    IncomingMessage other = TestMessages.message("C1");
    other =
        new IncomingMessage(
            other.payload(),
            other.charset(),
            other.sendingApplication(),
            "OTHER HOSPITAL",
            other.receivingApplication(),
            other.receivingFacility(),
            other.messageType(),
            other.controlId(),
            other.processingId(),
            other.versionId(),
            other.peer(),
            other.receivedAt());
    StoreResult first = stored(open().store(TestMessages.message("C1")));
    StoreResult second = stored(spool.store(other));

    assertEquals(StoreOutcome.STORED, second.outcome());
    assertNotEquals(first.id(), second.id());
  }

  @Test
  void concurrentProducersShareGroupCommits() throws Exception {
    open();
    int producers = 8;
    int perProducer = 100;
    CountDownLatch done = new CountDownLatch(producers);
    List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    for (int p = 0; p < producers; p++) {
      int producer = p;
      new Thread(
              () -> {
                try {
                  for (int i = 0; i < perProducer; i++) {
                    stored(spool.store(TestMessages.message("P" + producer + "-" + i)));
                  }
                } catch (Throwable e) {
                  failures.add(e);
                } finally {
                  done.countDown();
                }
              })
          .start();
    }
    assertTrue(done.await(60, TimeUnit.SECONDS));

    assertEquals(List.of(), failures);
    assertEquals(producers * perProducer, spool.stats().received());
    assertTrue(
        spool.commits() < producers * perProducer,
        "expected shared commits, got " + spool.commits() + " for " + producers * perProducer);
  }

  @Test
  void unshippedComeInReceiveOrderAfterTheGivenSequence() throws Exception {
    open();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(stored(spool.store(TestMessages.message("C" + i))).id());
    }
    List<SpoolEntry> firstPage = spool.unshipped(0, 3);
    List<SpoolEntry> rest = spool.unshipped(firstPage.get(2).sequence(), 10);

    assertEquals(ids.subList(0, 3), firstPage.stream().map(SpoolEntry::id).toList());
    assertEquals(ids.subList(3, 5), rest.stream().map(SpoolEntry::id).toList());
    assertTrue(firstPage.get(0).sequence() < firstPage.get(1).sequence());
  }

  @Test
  void shippedEntriesLeaveTheUnshippedListAndCountAsShipped() throws Exception {
    open();
    StoreResult a = stored(spool.store(TestMessages.message("A")));
    String b = stored(spool.store(TestMessages.message("B"))).id();
    Instant when = Instant.parse("2026-11-22T05:00:00Z");

    spool.markShipped(List.of(a.sequence()), when);

    assertEquals(List.of(b), spool.unshipped(0, 10).stream().map(SpoolEntry::id).toList());
    SpoolEntry shipped = spool.entry(a.id()).orElseThrow();
    assertEquals(EntryState.SHIPPED, shipped.state());
    assertEquals(when, shipped.shippedAt());
    SpoolStats stats = spool.stats();
    assertEquals(1, stats.received());
    assertEquals(1, stats.shipped());
    assertEquals(TestMessages.message("A").payload().length, stats.shippedBytes());
    assertEquals(TestMessages.message("B").payload().length, stats.receivedBytes());
  }

  @Test
  void attemptsAreCounted() throws Exception {
    StoreResult stored = stored(open().store(TestMessages.message("A")));

    spool.recordAttempt(List.of(stored.sequence()));
    spool.recordAttempt(List.of(stored.sequence(), 999_999L));

    assertEquals(2, spool.entry(stored.id()).orElseThrow().attempts());
  }

  @Test
  void resetShippedReplaysEntriesReceivedSinceTheGivenTime() throws Exception {
    open();
    IncomingMessage old = at(TestMessages.message("OLD"), "2026-11-20T00:00:00Z");
    IncomingMessage recent = at(TestMessages.message("NEW"), "2026-11-22T00:00:00Z");
    StoreResult oldOne = stored(spool.store(old));
    StoreResult recentOne = stored(spool.store(recent));
    String oldId = oldOne.id();
    String recentId = recentOne.id();
    spool.markShipped(
        List.of(oldOne.sequence(), recentOne.sequence()), Instant.parse("2026-11-22T01:00:00Z"));

    int reset = spool.resetShipped(Instant.parse("2026-11-21T00:00:00Z"));

    assertEquals(1, reset);
    assertEquals(List.of(recentId), spool.unshipped(0, 10).stream().map(SpoolEntry::id).toList());
    assertNull(spool.entry(recentId).orElseThrow().shippedAt());
    assertEquals(EntryState.SHIPPED, spool.entry(oldId).orElseThrow().state());
  }

  @Test
  void pruneDeletesOnlyEntriesShippedBeforeTheCutoff() throws Exception {
    open();
    StoreResult earlyOne = stored(spool.store(TestMessages.message("EARLY")));
    StoreResult lateOne = stored(spool.store(TestMessages.message("LATE")));
    String early = earlyOne.id();
    String late = lateOne.id();
    String pending = stored(spool.store(TestMessages.message("PENDING"))).id();
    spool.markShipped(List.of(earlyOne.sequence()), Instant.parse("2026-11-01T00:00:00Z"));
    spool.markShipped(List.of(lateOne.sequence()), Instant.parse("2026-11-21T00:00:00Z"));

    int pruned = spool.pruneShipped(Instant.parse("2026-11-10T00:00:00Z"));

    assertEquals(1, pruned);
    assertTrue(spool.entry(early).isEmpty());
    assertTrue(spool.entry(late).isPresent());
    assertTrue(spool.entry(pending).isPresent());
    assertEquals(new SpoolStats(1, 0, 1, 0, 0, 0, null).received(), spool.stats().received());
    assertEquals(1, spool.stats().shipped());
  }

  @Test
  void pruneWorksThroughMoreEntriesThanOneChunk() throws Exception {
    open();
    List<CompletableFuture<StoreResult>> futures = new ArrayList<>();
    for (int i = 0; i < 4_500; i++) {
      futures.add(spool.store(TestMessages.message("M" + i)));
    }
    List<Long> sequences = new ArrayList<>();
    for (CompletableFuture<StoreResult> future : futures) {
      sequences.add(stored(future).sequence());
    }
    spool.markShipped(sequences, Instant.parse("2026-11-01T00:00:00Z"));

    assertEquals(4_500, spool.pruneShipped(Instant.parse("2026-11-02T00:00:00Z")));
    assertEquals(0, spool.stats().total());
  }

  @Test
  void markingShippedTakesExactlyTheNamedEntriesWhateverTheirCountAndOrder() throws Exception {
    open();
    List<Long> sequences = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      sequences.add(stored(spool.store(TestMessages.message("S" + i))).sequence());
    }
    // 87 entries (chunks of 64, 16, 4 and 1 each used), out of order, one named twice.
    List<Long> marked = new ArrayList<>(sequences.subList(0, 87));
    java.util.Collections.reverse(marked);
    marked.add(marked.get(5));
    spool.markShipped(marked, Instant.parse("2026-11-01T00:00:00Z"));

    List<Long> unshipped = spool.unshipped(0, 200).stream().map(SpoolEntry::sequence).toList();
    assertEquals(sequences.subList(87, 100), unshipped);
    assertEquals(87, spool.stats().shipped());
  }

  @Test
  void sequencesKeepGrowingAfterEverythingWasPrunedAndTheSpoolReopened() throws Exception {
    open();
    StoreResult first = stored(spool.store(TestMessages.message("A")));
    long firstSequence = first.sequence();
    assertEquals(firstSequence, spool.entry(first.id()).orElseThrow().sequence());
    spool.markShipped(List.of(firstSequence), Instant.parse("2026-11-01T00:00:00Z"));
    spool.pruneShipped(Instant.parse("2026-11-02T00:00:00Z"));
    spool.close();

    open();
    String next = stored(spool.store(TestMessages.message("B"))).id();

    assertTrue(spool.entry(next).orElseThrow().sequence() > firstSequence);
  }

  @Test
  void entriesSurviveCloseAndReopen() throws Exception {
    String id = stored(open().store(TestMessages.message("A"))).id();
    spool.close();

    open();

    assertTrue(spool.entry(id).isPresent());
    assertEquals(StoreOutcome.DUPLICATE, stored(spool.store(TestMessages.message("A"))).outcome());
  }

  @Test
  void readersSeeCommittedEntriesWhileStoresGoOn() throws Exception {
    open();
    CompletableFuture<Void> writing =
        CompletableFuture.runAsync(
            () -> {
              List<CompletableFuture<StoreResult>> futures = new ArrayList<>();
              for (int i = 0; i < 2_000; i++) {
                futures.add(spool.store(TestMessages.message("W" + i)));
              }
              futures.forEach(CompletableFuture::join);
            });
    long cursor = 0;
    int shipped = 0;
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (shipped < 2_000 && System.nanoTime() < deadline) {
      List<SpoolEntry> page = spool.unshipped(cursor, 100);
      if (!page.isEmpty()) {
        spool.markShipped(page.stream().map(SpoolEntry::sequence).toList(), Instant.now());
        cursor = page.get(page.size() - 1).sequence();
        shipped += page.size();
      }
    }
    writing.get(60, TimeUnit.SECONDS);

    assertEquals(2_000, shipped);
    assertEquals(0, spool.stats().received());
    assertEquals(2_000, spool.stats().shipped());
  }

  @Test
  void closeCommitsWhatIsQueuedThenRefusesStores() throws Exception {
    open();
    List<CompletableFuture<StoreResult>> futures = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      futures.add(spool.store(TestMessages.message("Q" + i)));
    }
    spool.close();

    for (CompletableFuture<StoreResult> future : futures) {
      assertTrue(future.isDone());
      assertEquals(StoreOutcome.STORED, future.join().outcome());
    }
    SpoolRejectedException refused =
        SpoolAssertions.rejected(spool.store(TestMessages.message("LATE")));
    assertEquals(SpoolRejectedException.Reason.CLOSED, refused.reason());
    spool = null;
    try (SqliteSpool reopened = SqliteSpool.open(SpoolSettings.of(dir, UNLIMITED, UNLIMITED))) {
      assertEquals(300, reopened.stats().received());
    }
  }

  @Test
  void checkpointsMoveCommitsIntoTheDatabaseFileAndCloseLeavesNoWal() throws Exception {
    open();
    Path database = dir.resolve(SpoolDatabase.FILE_NAME);
    long sizeBefore = Files.size(database);
    List<CompletableFuture<StoreResult>> futures = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      futures.add(spool.store(TestMessages.message("CP" + i)));
    }
    futures.forEach(CompletableFuture::join);
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (Files.size(database) <= sizeBefore && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertTrue(Files.size(database) > sizeBefore, "checkpoint never copied the WAL");

    spool.close();
    spool = null;

    Path wal = dir.resolve(SpoolDatabase.FILE_NAME + "-wal");
    assertTrue(!Files.exists(wal) || Files.size(wal) == 0, "WAL left after close");
  }

  @Test
  void readSideUpdatesFromAStoreCallbackFailInsteadOfDeadlocking() throws Exception {
    open();
    CountDownLatch release = holdWriter(); // so the callback runs on the index thread
    CompletableFuture<Integer> attempt =
        spool
            .store(TestMessages.message("CB"))
            .thenApply(result -> spool.resetShipped(Instant.EPOCH));
    release.countDown();

    java.util.concurrent.ExecutionException failure =
        org.junit.jupiter.api.Assertions.assertThrows(
            java.util.concurrent.ExecutionException.class, () -> attempt.get(10, TimeUnit.SECONDS));
    assertTrue(failure.getCause() instanceof IllegalStateException, failure.toString());
  }

  @Test
  void resendsAndReusedControlIdsInsideOneGroupCommitAreToldApart() throws Exception {
    open();
    StoreResult earlier = stored(spool.store(TestMessages.message("OLD")));
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Integer> blocker = holdWriter(release); // what follows queues as one batch
    long commitsBefore = spool.commits();
    List<CompletableFuture<StoreResult>> batch = new ArrayList<>();
    batch.add(spool.store(TestMessages.message("NEW")));
    batch.add(spool.store(TestMessages.message("NEW"))); // resend in the same batch
    batch.add(spool.store(TestMessages.variant("NEW", "other bytes"))); // reuse in the batch
    batch.add(spool.store(TestMessages.message("OLD"))); // resend of a held entry
    batch.add(spool.store(TestMessages.variant("OLD", "other"))); // reuse of a held entry
    for (int i = 0; i < 70; i++) {
      batch.add(spool.store(TestMessages.message("BULK" + i))); // more than one insert chunk
    }
    awaitJournaled(1 + batch.size());
    release.countDown();
    blocker.get(10, TimeUnit.SECONDS);
    List<StoreResult> results = new ArrayList<>();
    for (CompletableFuture<StoreResult> future : batch) {
      results.add(stored(future));
    }

    assertEquals(2, spool.commits() - commitsBefore, "the blocker and one index transaction");
    assertEquals(StoreOutcome.STORED, results.get(0).outcome());
    assertEquals(StoreOutcome.DUPLICATE, results.get(1).outcome());
    assertEquals(results.get(0).sequence(), results.get(1).sequence());
    assertEquals(StoreOutcome.STORED_CONTROL_ID_REUSED, results.get(2).outcome());
    assertEquals(StoreOutcome.DUPLICATE, results.get(3).outcome());
    assertEquals(earlier.sequence(), results.get(3).sequence());
    assertEquals(StoreOutcome.STORED_CONTROL_ID_REUSED, results.get(4).outcome());
    Set<Long> sequences = new HashSet<>();
    for (StoreResult result : results) {
      sequences.add(result.sequence());
      SpoolEntry entry = spool.entry(result.id()).orElseThrow();
      assertEquals(result.sequence(), entry.sequence(), "sequence of " + result);
    }
    // The in-batch resend shares its original's sequence; the resend of OLD has OLD's.
    assertEquals(results.size() - 1, sequences.size());
    assertTrue(spool.entry(results.get(0).id()).orElseThrow().controlIdReused());
    assertTrue(spool.entry(earlier.id()).orElseThrow().controlIdReused());
    assertEquals(1 + results.size() - 2, spool.stats().received());
  }

  @Test
  void aClosedSpoolClosesAgainRefusesStoresAndFreesItsDirectory() throws Exception {
    SqliteSpool closed = open();
    stored(closed.store(TestMessages.message("C1")));
    closed.close();
    closed.close(); // returns without an error
    spool = null;

    SpoolRejectedException refused =
        SpoolAssertions.rejected(closed.store(TestMessages.message("C2")));
    assertEquals(SpoolRejectedException.Reason.CLOSED, refused.reason());
    assertThrows(SpoolAccessException.class, () -> closed.unshipped(0, 10));
    // The lock is released: a new spool opens the same directory and finds what was stored.
    try (SqliteSpool reopened = SqliteSpool.open(SpoolSettings.of(dir, UNLIMITED, UNLIMITED))) {
      assertEquals(
          List.of("C1"),
          reopened.unshipped(0, 10).stream().map(entry -> entry.message().controlId()).toList());
    }
  }

  /** Occupies the writer thread until {@code release}; requests queued meanwhile form one batch. */
  private CompletableFuture<Integer> holdWriter(CountDownLatch release) throws Exception {
    return SpoolAssertions.holdWriter(spool, release);
  }

  private static IncomingMessage at(IncomingMessage m, String receivedAt) {
    return new IncomingMessage(
        m.payload(),
        m.charset(),
        m.sendingApplication(),
        m.sendingFacility(),
        m.receivingApplication(),
        m.receivingFacility(),
        m.messageType(),
        m.controlId(),
        m.processingId(),
        m.versionId(),
        m.peer(),
        Instant.parse(receivedAt));
  }
}
