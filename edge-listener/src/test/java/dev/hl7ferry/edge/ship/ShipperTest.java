package dev.hl7ferry.edge.ship;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hl7ferry.edge.TestMessages;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ShipperTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private final InMemorySpool spool = new InMemorySpool();
  private final FakeCloud cloud = new FakeCloud();
  private final AtomicInteger retries = new AtomicInteger();
  // Claim checks for every entry (inline 0): these tests follow each payload object.
  private ShipSettings settings =
      ShipSettingsBuilder.defaults("north", "bucket", "http://q/inbound.fifo")
          .backoff(Duration.ofMillis(5), Duration.ofMillis(40))
          .batching(50, 10, 8)
          .inline(0)
          .build();
  private Shipper shipper;

  @AfterEach
  void stop() {
    if (shipper != null) {
      shipper.stop();
    }
  }

  private void start() {
    start(Clock.systemUTC());
  }

  private void start(Clock clock) {
    ShipListener listener =
        new ShipListener() {
          @Override
          public void retrying(int count, int failures, Duration retryIn, String reason) {
            retries.incrementAndGet();
          }
        };
    shipper =
        new Shipper(spool, cloud, cloud, settings, ShipThreads.of(settings), listener, clock, null);
    shipper.start();
  }

  private List<String> add(String facility, int from, int count) {
    List<String> ids = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      ids.add(spool.add(TestMessages.oru(facility, i, 200)));
    }
    return ids;
  }

  @Test
  void everyEntryShipsOnceInReceiveOrder() {
    List<String> ids = add("NORTH", 0, 237);
    start();

    Await.until(WAIT, "all shipped", () -> spool.unshippedCount() == 0);

    assertEquals(ids, cloud.queuedIds());
    assertEquals(237, cloud.objects.size());
  }

  @Test
  void nothingIsMarkedShippedWhileTheCloudIsDownAndAllDrainInOrderAfterwards() {
    cloud.down = true;
    List<String> ids = add("NORTH", 0, 120);
    start();
    Await.until(WAIT, "a few retries", () -> retries.get() >= 3);
    assertEquals(120, spool.unshippedCount());
    assertTrue(spool.attemptsOf(ids.get(0)) >= 3);

    ids.addAll(add("NORTH", 120, 80));
    cloud.down = false;

    Await.until(WAIT, "all shipped", () -> spool.unshippedCount() == 0);
    assertEquals(ids, cloud.queuedIds());
  }

  @Test
  void aFailedPutHoldsBackTheRestOfItsGroupButNotOtherGroups() {
    settings = ShipSettingsBuilder.from(settings).batching(100, 10, 8).build();
    List<String> north = add("NORTH", 0, 30);
    List<String> south = add("SOUTH", 100, 30);
    cloud.failingPuts.add(north.get(10));
    start();

    Await.until(
        WAIT,
        "south shipped",
        () -> cloud.queuedByGroup().getOrDefault("SOUTH", List.of()).size() == 30);
    Await.until(WAIT, "a retry", () -> retries.get() >= 2);
    assertEquals(north.subList(0, 10), cloud.queuedByGroup().get("NORTH"));

    cloud.failingPuts.clear();
    Await.until(WAIT, "all shipped", () -> spool.unshippedCount() == 0);
    assertEquals(north, cloud.queuedByGroup().get("NORTH"));
    assertEquals(south, cloud.queuedByGroup().get("SOUTH"));
  }

  @Test
  void theNextRunsPayloadsGoAheadButItsEnvelopesWaitForTheRunBeforeIt() {
    settings = ShipSettingsBuilder.from(settings).batching(10, 10, 8).build();
    List<String> ids = add("NORTH", 0, 40);
    cloud.failingPuts.add(ids.get(5));
    start();
    Await.until(WAIT, "a retry", () -> retries.get() >= 2);
    assertEquals(ids.subList(0, 5), cloud.queuedIds());
    // Nine payloads of the first run and the ten of the second (put ahead, pipelined) are stored.
    assertEquals(19, cloud.objects.size());

    cloud.failingPuts.clear();
    Await.until(WAIT, "all shipped", () -> spool.unshippedCount() == 0);
    assertEquals(ids, cloud.queuedIds());
  }

  @Test
  void aRefusedEnvelopeIsResentAndTheRestOfItsGroupFollowsIt() {
    List<String> ids = add("NORTH", 0, 40);
    cloud.refusedSends.add(ids.get(25));
    start();
    Await.until(WAIT, "a retry", () -> retries.get() >= 2);
    assertEquals(ids.subList(0, 20), cloud.queuedIds().subList(0, 20));
    assertFalse(cloud.queuedIds().contains(ids.get(25)));

    cloud.refusedSends.clear();
    Await.until(WAIT, "all shipped", () -> spool.unshippedCount() == 0);
    // The rest of the refused entry's batch of ten was accepted in that same call; everything
    // after that batch waited for the refused entry, which is retried alone first.
    List<String> expected = new ArrayList<>(ids.subList(0, 25));
    expected.addAll(ids.subList(26, 30));
    expected.add(ids.get(25));
    expected.addAll(ids.subList(30, 40));
    assertEquals(expected, cloud.queuedIds());
  }

  @Test
  void aCrashBeforeMarkingShippedReshipsUnderTheSameKeyAndDeduplicationId() {
    List<String> ids = add("NORTH", 0, 25);
    spool.failNextMarks.set(1);
    start();

    Await.until(WAIT, "all shipped", () -> spool.unshippedCount() == 0);

    assertEquals(ids, cloud.queuedIds());
    assertEquals(25, cloud.objects.size());
  }

  @Test
  void whenShippedCompletesOnlyAfterBothCallsSucceeded() throws Exception {
    cloud.down = true;
    String id = add("NORTH", 0, 1).get(0);
    start();
    CompletableFuture<Void> confirmed = shipper.whenShipped(id);
    Await.until(WAIT, "a retry", () -> retries.get() >= 1);
    assertFalse(confirmed.isDone());

    cloud.down = false;

    confirmed.get(10, TimeUnit.SECONDS);
    assertEquals(List.of(id), cloud.queuedIds());
    assertTrue(shipper.whenShipped(id).isDone(), "a late waiter completes at once");
  }

  @Test
  void stoppingFailsTheWaitersOfUnshippedEntries() {
    cloud.down = true;
    String id = add("NORTH", 0, 1).get(0);
    start();
    CompletableFuture<Void> confirmed = shipper.whenShipped(id);

    shipper.stop();

    ExecutionException e = assertThrows(ExecutionException.class, confirmed::get);
    assertTrue(e.getCause() instanceof ShipException);
  }

  @Test
  void replayReshipsEntriesReceivedSinceATime() {
    List<String> ids = add("NORTH", 0, 10);
    start();
    Await.until(WAIT, "all shipped", () -> spool.unshippedCount() == 0);

    int reset = shipper.replay(TestMessages.RECEIVED.plusMillis(5));

    assertEquals(5, reset);
    Await.until(WAIT, "replayed", () -> spool.unshippedCount() == 0);
    // The fake queue deduplicates like FIFO SQS: a replay inside the window adds nothing.
    assertEquals(ids, cloud.queuedIds());
  }

  @Test
  void shippedEntriesArePrunedAfterTheRetention() {
    settings =
        ShipSettingsBuilder.from(settings)
            .retention(Duration.ofHours(1), Duration.ofMillis(1))
            .build();
    add("NORTH", 0, 5);
    Instant later = Instant.now().plus(Duration.ofHours(2));
    start(Clock.fixed(later, ZoneOffset.UTC));
    Await.until(WAIT, "all shipped", () -> spool.unshippedCount() == 0);
    assertEquals(5, spool.all().size());

    shipper.stop();
    shipper =
        new Shipper(
            spool,
            cloud,
            cloud,
            settings,
            ShipThreads.of(settings),
            null,
            Clock.fixed(later.plus(Duration.ofHours(2)), ZoneOffset.UTC),
            null);
    shipper.start();

    Await.until(WAIT, "pruned", () -> spool.all().isEmpty());
  }
}
