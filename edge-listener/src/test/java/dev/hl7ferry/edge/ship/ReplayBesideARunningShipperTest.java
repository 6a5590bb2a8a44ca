package dev.hl7ferry.edge.ship;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hl7ferry.edge.TestMessages;
import dev.hl7ferry.edge.cli.FerryEdge;
import dev.hl7ferry.edge.spool.SpoolSettings;
import dev.hl7ferry.edge.spool.SqliteSpool;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ferry-edge spool replay} while the edge runs: the command writes to the spool beside the
 * running edge (another SQLite connection, as another process would), and the running shipper
 * notices the entries behind its cursor and ships them again, in receive order.
 */
class ReplayBesideARunningShipperTest {
  @TempDir Path dataDir;

  @Test
  void theRunningShipperShipsReplayedEntriesAgainInOrder() throws Exception {
    FakeCloud cloud = new FakeCloud();
    List<Long> shippedSequences = new ArrayList<>();
    AtomicInteger shipped = new AtomicInteger();
    try (SqliteSpool spool = SqliteSpool.open(SpoolSettings.of(dataDir, 1L << 30, 1000))) {
      ShipSettings settings =
          ShipSettingsBuilder.defaults("north", "bucket", "http://q/1/inbound.fifo")
              .backoff(Duration.ofMillis(20), Duration.ofMillis(100))
              .build();
      EnvelopeQueue recording =
          batch -> {
            synchronized (shippedSequences) {
              batch.forEach(s -> shippedSequences.add(s.sequence()));
            }
            return cloud.send(batch);
          };
      Shipper shipper =
          new Shipper(
              spool,
              cloud,
              recording,
              settings,
              ShipThreads.of(settings),
              new ShipListener() {
                @Override
                public void shipped(int count, long bytes, Duration took) {
                  shipped.addAndGet(count);
                }
              },
              Clock.systemUTC(),
              null);
      shipper.start();
      try {
        for (int i = 0; i < 5; i++) {
          spool.store(TestMessages.oru("NORTH", i, 300)).get();
          shipper.wake();
        }
        Await.until(Duration.ofSeconds(10), "first shipping", () -> shipped.get() == 5);
        int exit =
            FerryEdge.commandLine()
                .execute(
                    "spool",
                    "replay",
                    "--since",
                    TestMessages.RECEIVED.plusMillis(2).toString(),
                    "--data-dir",
                    dataDir.toString());
        assertEquals(0, exit);
        Await.until(Duration.ofSeconds(15), "replayed entries shipped", () -> shipped.get() == 8);
        // The cloud has them before the spool marks them shipped: wait for the mark.
        Await.until(
            Duration.ofSeconds(10), "replayed entries marked", () -> spool.stats().received() == 0);
      } finally {
        shipper.stop();
      }
    }
    synchronized (shippedSequences) {
      assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 3L, 4L, 5L), shippedSequences);
    }
  }

  @Test
  void spoolRetryBesideTheRunningEdgeShipsAQuarantinedEntryAgainAfterThoseBehindIt()
      throws Exception {
    FakeCloud cloud = new FakeCloud();
    AtomicInteger quarantined = new AtomicInteger();
    try (SqliteSpool spool = SqliteSpool.open(SpoolSettings.of(dataDir, 1L << 30, 1000))) {
      ShipSettings settings =
          ShipSettingsBuilder.defaults("north", "bucket", "http://q/1/inbound.fifo")
              .backoff(Duration.ofMillis(10), Duration.ofMillis(50))
              .maxAttempts(2)
              .build();
      Shipper shipper =
          new Shipper(
              spool,
              cloud,
              cloud,
              settings,
              ShipThreads.of(settings),
              new ShipListener() {
                @Override
                public void quarantined(String entryId, String reason) {
                  quarantined.incrementAndGet();
                }
              },
              Clock.systemUTC(),
              null);
      shipper.start();
      try {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
          ids.add(spool.store(TestMessages.oru("NORTH", i, 300)).get().id());
          if (i == 2) {
            cloud.permanentlyRefused.add(ids.get(2));
          }
          shipper.wake();
        }
        Await.until(Duration.ofSeconds(10), "quarantined", () -> quarantined.get() == 1);
        Await.until(Duration.ofSeconds(10), "rest shipped", () -> cloud.queuedIds().size() == 5);
        cloud.permanentlyRefused.clear();

        int exit =
            FerryEdge.commandLine()
                .execute("spool", "retry", "--data-dir", dataDir.toString(), ids.get(2));
        assertEquals(0, exit);

        Await.until(
            Duration.ofSeconds(15), "retried entry shipped", () -> cloud.queuedIds().size() == 6);
        assertEquals(ids.get(2), cloud.queuedIds().get(5), "shipped after those behind it");
        Await.until(
            Duration.ofSeconds(10), "retried entry marked", () -> spool.stats().received() == 0);
        assertEquals(0, spool.stats().quarantined());
      } finally {
        shipper.stop();
      }
    }
  }
}
