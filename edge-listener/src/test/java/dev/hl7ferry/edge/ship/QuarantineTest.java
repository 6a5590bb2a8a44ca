package dev.hl7ferry.edge.ship;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hl7ferry.edge.TestMessages;
import dev.hl7ferry.edge.spool.EntryState;
import dev.hl7ferry.edge.spool.SpoolEntry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** No entry stops the line: permanent refusals quarantine, outages never do. */
class QuarantineTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private final InMemorySpool spool = new InMemorySpool();
  private final FakeCloud cloud = new FakeCloud();
  private final AtomicInteger retries = new AtomicInteger();
  private final List<String> quarantined = new CopyOnWriteArrayList<>();
  private final ShipSettings settings =
      ShipSettingsBuilder.defaults("north", "bucket", "http://q/inbound.fifo")
          .backoff(Duration.ofMillis(5), Duration.ofMillis(20))
          .batching(50, 10, 8)
          .maxAttempts(3)
          .build();
  private Shipper shipper;

  @AfterEach
  void stop() {
    shipper.stop();
  }

  private void start(ShipSettings s) {
    ShipListener listener =
        new ShipListener() {
          @Override
          public void retrying(int count, int failures, Duration retryIn, String reason) {
            retries.incrementAndGet();
          }

          @Override
          public void quarantined(String entryId, String reason) {
            quarantined.add(entryId);
          }
        };
    shipper =
        new Shipper(spool, cloud, cloud, s, ShipThreads.of(s), listener, Clock.systemUTC(), null);
    shipper.start();
  }

  private List<String> add(int from, int count) {
    List<String> ids = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      ids.add(spool.add(TestMessages.oru("NORTH", i, 200)));
    }
    return ids;
  }

  private SpoolEntry entry(String id) {
    return spool.all().stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void anEntryRefusedForGoodIsQuarantinedAfterMaxAttemptsAndTheLineMovesOn() {
    List<String> ids = add(0, 30);
    String refused = ids.get(12);
    cloud.permanentlyRefused.add(refused);
    start(settings);

    Await.until(WAIT, "the rest shipped", () -> spool.unshippedCount() == 0);

    assertEquals(List.of(refused), quarantined);
    SpoolEntry e = entry(refused);
    assertEquals(EntryState.QUARANTINED, e.state());
    assertTrue(e.reason().contains("InvalidMessageContents"), e.reason());
    assertEquals(3, e.attempts());
    List<String> expected = new ArrayList<>(ids);
    expected.remove(refused);
    assertEquals(expected, cloud.queuedIds(), "the entries behind it go on, in order");
  }

  @Test
  void aReleasedEntryIsFoundBehindTheCursorAndShipsOutOfItsOriginalOrder() {
    List<String> ids = add(0, 10);
    cloud.permanentlyRefused.add(ids.get(3));
    start(settings);
    Await.until(WAIT, "quarantined", () -> quarantined.size() == 1);
    Await.until(WAIT, "the rest shipped", () -> spool.unshippedCount() == 0);
    List<String> later = add(10, 5);
    Await.until(WAIT, "later ones shipped", () -> spool.unshippedCount() == 0);

    cloud.permanentlyRefused.clear();
    assertTrue(spool.release(ids.get(3)));

    Await.until(WAIT, "released entry shipped", () -> cloud.queuedIds().contains(ids.get(3)));
    List<String> queued = cloud.queuedIds();
    assertEquals(ids.get(3), queued.get(queued.size() - 1), "shipped after all that followed it");
    assertEquals(later, queued.subList(9, 14));
    assertEquals(EntryState.SHIPPED, entry(ids.get(3)).state());
  }

  @Test
  void anOutageNeverQuarantinesAnythingHoweverLongItLasts() {
    ShipSettings once = ShipSettingsBuilder.from(settings).maxAttempts(1).build();
    cloud.down = true;
    List<String> ids = add(0, 20);
    start(once);

    Await.until(WAIT, "many failed rounds", () -> retries.get() >= 12);
    cloud.down = false;
    Await.until(WAIT, "all shipped", () -> spool.unshippedCount() == 0);

    assertEquals(List.of(), quarantined);
    assertEquals(ids, cloud.queuedIds());
  }

  @Test
  void aRefusalThatIsNotTheEntrysFaultIsRetriedForever() {
    ShipSettings once = ShipSettingsBuilder.from(settings).maxAttempts(1).build();
    List<String> ids = add(0, 5);
    cloud.refusedSends.add(ids.get(2));
    start(once);

    Await.until(WAIT, "many failed rounds", () -> retries.get() >= 8);
    assertEquals(List.of(), quarantined);
    cloud.refusedSends.clear();
    Await.until(WAIT, "all shipped", () -> spool.unshippedCount() == 0);
    // The rest of its batch of ten was accepted in the same call (SQS answers per entry).
    assertEquals(
        List.of(ids.get(0), ids.get(1), ids.get(3), ids.get(4), ids.get(2)), cloud.queuedIds());
  }
}
