package dev.hl7ferry.edge.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hl7ferry.edge.client.AckReply;
import dev.hl7ferry.edge.client.MllpClient;
import dev.hl7ferry.edge.spool.EntrySummary;
import dev.hl7ferry.edge.spool.SpoolView;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The edge runs as its own JVM, is loaded over 8 connections, killed with SIGKILL mid-load, and
 * restarted on the same data directory: every control id that got a positive ACK must be in the
 * spool exactly once.
 */
class CrashRecoveryTest {
  private static final int CONNECTIONS = 8;

  @TempDir Path dir;

  @Test
  void everyAcknowledgedMessageSurvivesASigkillExactlyOnce() throws Exception {
    Path data = dir.resolve("data");
    Set<String> acked = ConcurrentHashMap.newKeySet();
    ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
    try (EdgeProcess edge = EdgeProcess.start(dir, "first", "--data-dir", data.toString())) {
      List<Future<Integer>> senders = new ArrayList<>();
      for (int c = 0; c < CONNECTIONS; c++) {
        String prefix = "K" + c + "-";
        senders.add(pool.submit(() -> sendUntilCut(edge.port(), prefix, acked)));
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (acked.size() < 2000 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      edge.kill();
      for (Future<Integer> sender : senders) {
        sender.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertTrue(acked.size() >= 2000, "load reached the server before the kill: " + acked.size());

    try (EdgeProcess restarted = EdgeProcess.start(dir, "second", "--data-dir", data.toString())) {
      try (MllpClient client =
          MllpClient.connect("127.0.0.1", restarted.port(), Duration.ofSeconds(10))) {
        client.send(message("AFTER-1"));
        assertEquals("AA", AckReply.parse(client.receive()).code());
      }
      assertEquals(143, restarted.stop(), "stopped by SIGTERM");
      assertTrue(restarted.log().contains("EdgeServer - stopped"), "graceful stop ran");
    }

    Map<String, Integer> stored = new HashMap<>();
    try (SpoolView view = SpoolView.open(data)) {
      for (EntrySummary entry : view.list(0, Integer.MAX_VALUE)) {
        stored.merge(entry.controlId(), 1, Integer::sum);
      }
    }
    for (String id : acked) {
      assertEquals(1, stored.getOrDefault(id, 0), "acknowledged " + id + " stored once");
    }
    stored.forEach((id, count) -> assertEquals(1, count, id + " stored once"));
    assertEquals(1, stored.getOrDefault("AFTER-1", 0));
  }

  /** Sends with one message in flight until the connection breaks; returns how many were sent. */
  private static int sendUntilCut(int port, String prefix, Set<String> acked) {
    int i = 0;
    try (MllpClient client = MllpClient.connect("127.0.0.1", port, Duration.ofSeconds(10))) {
      while (true) {
        String id = prefix + i++;
        client.send(message(id));
        AckReply ack = AckReply.parse(client.receive());
        if (ack.positive() && ack.acknowledgedControlId().equals(id)) {
          acked.add(id);
        }
      }
    } catch (Exception e) {
      return i; // the kill cuts the connection; what was acknowledged before is what counts
    }
  }

  private static byte[] message(String controlId) {
    return ("MSH|^~\\&|CRASH|LAB|FERRY|EDGE|20260101120000||ORU^R01^ORU_R01|"
            + controlId
            + "|P|2.5.1\rPID|1||4711^^^HOSP^MR||DOE^JANE\rOBX|1|NM|2093-3^CHOL^LN||196|mg/dL\r")
        .getBytes(StandardCharsets.ISO_8859_1);
  }
}
