package dev.hl7ferry.edge.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hl7ferry.contract.receipt.DeliveryReceipt;
import dev.hl7ferry.contract.receipt.ReceiptOutcome;
import dev.hl7ferry.edge.retry.Backoff;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The group commit of endings: a destination runs ahead of what is recorded by at most its bound,
 * endings of all destinations queued meanwhile are recorded together and in order, a failed group
 * is recorded again, close records what is queued, and endings linger for company until half the
 * bound, a waiter or the linger's end. The recorder here stands in for the spools ({@link
 * OutboundStoreTest} and {@link OutboundCrashTest} cover the real ones).
 */
class EndingCommitterTest {
  private static final Backoff FAST = Backoff.steady(Duration.ofMillis(5), Duration.ofMillis(20));

  private final List<List<String>> groups = new ArrayList<>();
  private final CountDownLatch gate = new CountDownLatch(1);
  private final CountDownLatch firstCall = new CountDownLatch(1);
  private EndingCommitter committer;

  @AfterEach
  void stop() {
    gate.countDown();
    if (committer != null) {
      committer.close();
    }
  }

  /** A committer whose first group waits for {@link #gate}; every group is kept as output ids. */
  private EndingCommitter gated(int maxUncommitted) {
    committer =
        new EndingCommitter(
            endings -> {
              firstCall.countDown();
              await(gate);
              synchronized (groups) {
                groups.add(endings.stream().map(Ending::outputId).toList());
              }
            },
            maxUncommitted,
            FAST);
    committer.start();
    return committer;
  }

  @Test
  void aDestinationGoesOnUntilItHasTheBoundUnrecordedThenWaitsWhileOthersGoOn() throws Exception {
    EndingCommitter c = gated(3);
    c.submit(ending("lis", 1));
    c.awaitRoom("lis");
    c.submit(ending("lis", 2));
    c.awaitRoom("lis");
    c.submit(ending("lis", 3));
    CompletableFuture<Void> third = CompletableFuture.runAsync(() -> room(c, "lis"));
    assertThrows(TimeoutException.class, () -> third.get(300, TimeUnit.MILLISECONDS));

    c.submit(ending("ris", 4));
    c.awaitRoom("ris"); // another destination's bound is its own
    assertFalse(third.isDone());

    gate.countDown();
    third.get(5, TimeUnit.SECONDS);
    c.awaitRecorded("lis");
    c.awaitRecorded("ris");
    assertEquals(List.of("out-1", "out-2", "out-3", "out-4"), recordedIds());
  }

  @Test
  void withABoundOfOneEachEndingIsRecordedBeforeTheDestinationGoesOn() throws Exception {
    EndingCommitter c = gated(1);
    c.submit(ending("lis", 1));
    CompletableFuture<Void> room = CompletableFuture.runAsync(() -> room(c, "lis"));
    assertThrows(TimeoutException.class, () -> room.get(300, TimeUnit.MILLISECONDS));
    gate.countDown();
    room.get(5, TimeUnit.SECONDS);
    assertEquals(List.of(List.of("out-1")), snapshot());
  }

  @Test
  void endingsQueuedDuringACommitAreRecordedTogetherInTheOrderTheyCame() throws Exception {
    EndingCommitter c = gated(16);
    c.submit(ending("lis", 1));
    assertTrue(firstCall.await(5, TimeUnit.SECONDS));
    c.submit(ending("lis", 2));
    c.submit(ending("ris", 3));
    c.submit(ending("lis", 4));
    gate.countDown();
    c.awaitRecorded("lis");
    c.awaitRecorded("ris");
    assertEquals(List.of(List.of("out-1"), List.of("out-2", "out-3", "out-4")), snapshot());
  }

  @Test
  void aGroupThatFailsIsRecordedAgainWithTheSameEndings() throws Exception {
    List<List<String>> calls = new ArrayList<>();
    AtomicInteger failuresLeft = new AtomicInteger(2);
    committer =
        new EndingCommitter(
            endings -> {
              synchronized (calls) {
                calls.add(endings.stream().map(Ending::outputId).toList());
              }
              if (failuresLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("receipts journal write failed (test)");
              }
            },
            4,
            FAST);
    committer.submit(ending("lis", 1));
    committer.submit(ending("lis", 2));
    committer.start(); // both queued before the thread runs: one group
    committer.awaitRecorded("lis");
    synchronized (calls) {
      assertEquals(3, calls.size(), calls.toString());
      assertEquals(List.of("out-1", "out-2"), calls.get(2));
      assertEquals(calls.get(0), calls.get(2));
    }
  }

  @Test
  void closeRecordsWhatIsQueuedAndRefusesLaterEndings() throws Exception {
    EndingCommitter c = gated(16);
    c.submit(ending("lis", 1));
    c.submit(ending("lis", 2));
    gate.countDown();
    c.close();
    assertEquals(List.of("out-1", "out-2"), recordedIds());
    assertThrows(IllegalStateException.class, () -> c.submit(ending("lis", 3)));
    c.awaitRoom("lis"); // a stopped committer never holds a destination
  }

  @Test
  void endingsWaitForHalfTheBoundThenGoAsOneGroup() throws Exception {
    committer = recording(16, Duration.ofSeconds(30));
    for (int i = 1; i <= 7; i++) {
      committer.submit(ending("lis", i));
    }
    Thread.sleep(300);
    assertEquals(List.of(), snapshot(), "fewer than half the bound, within the linger: no commit");

    committer.submit(ending("lis", 8));
    awaitRecordedCount(8);
    assertEquals(
        List.of(List.of("out-1", "out-2", "out-3", "out-4", "out-5", "out-6", "out-7", "out-8")),
        snapshot());
  }

  @Test
  void aLingeringEndingIsRecordedAtOnceWhenSomeoneWaitsForIt() throws Exception {
    committer = recording(16, Duration.ofSeconds(30));
    committer.submit(ending("lis", 1));
    CompletableFuture<Void> recorded =
        CompletableFuture.runAsync(
            () -> {
              try {
                committer.awaitRecorded("lis");
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    recorded.get(5, TimeUnit.SECONDS);
    assertEquals(List.of(List.of("out-1")), snapshot());
  }

  @Test
  void aLingeringEndingIsRecordedAfterTheLingerWithNoOneWaiting() throws Exception {
    committer = recording(16, Duration.ofMillis(50));
    committer.submit(ending("lis", 1));
    awaitRecordedCount(1);
    assertEquals(List.of(List.of("out-1")), snapshot());
  }

  @Test
  void aBoundBelowOneIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new EndingCommitter(e -> {}, 0, FAST));
  }

  /** A started committer that keeps every group, with the given linger. */
  private EndingCommitter recording(int maxUncommitted, Duration linger) {
    EndingCommitter c =
        new EndingCommitter(
            endings -> {
              synchronized (groups) {
                groups.add(endings.stream().map(Ending::outputId).toList());
              }
            },
            maxUncommitted,
            FAST,
            linger);
    c.start();
    return c;
  }

  private void awaitRecordedCount(int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (recordedIds().size() < count && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
  }

  private List<List<String>> snapshot() {
    synchronized (groups) {
      return List.copyOf(groups);
    }
  }

  private List<String> recordedIds() {
    return snapshot().stream().flatMap(List::stream).toList();
  }

  private static void room(EndingCommitter c, String destination) {
    try {
      c.awaitRoom(destination);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Ending ending(String destination, long sequence) {
    String now = "2026-11-30T08:00:00Z";
    DeliveryReceipt receipt =
        new DeliveryReceipt(
            DeliveryReceipt.VERSION,
            "env-" + sequence,
            "north",
            destination,
            ReceiptOutcome.DELIVERED,
            "AA",
            "",
            1,
            now,
            now,
            "C" + sequence);
    return Ending.delivered(sequence, "out-" + sequence, receipt, Instant.parse(now));
  }
}
