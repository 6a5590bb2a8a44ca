package dev.hl7ferry.e2e;

import dev.hl7ferry.converter.dispatch.Keys;
import dev.hl7ferry.core.error.Hl7ParseException;
import dev.hl7ferry.edge.client.AckReply;
import dev.hl7ferry.edge.client.MllpClient;
import dev.hl7ferry.edge.spool.EntrySummary;
import dev.hl7ferry.edge.spool.SpoolView;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * End-to-end latency benchmark (not a test): a {@link FerryStack} with one sink, lab results sent
 * at a steady rate over one MLLP connection, and per message the time from its inbound ACK to the
 * sink's receipt of its output, with where that time went (the edge's spool and outbound store
 * record when each message was shipped and when each output was taken in). Run by {@code
 * scripts/bench-e2e}.
 *
 * <pre>LatencyBench [--rate 100] [--seconds 60] [--warmup-seconds 10]</pre>
 */
public final class LatencyBench {
  private final Map<String, Instant> acked = new ConcurrentHashMap<>();
  private final Map<String, Instant> delivered = new ConcurrentHashMap<>();

  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    int rate = Integer.parseInt(options.getOrDefault("--rate", "100"));
    int seconds = Integer.parseInt(options.getOrDefault("--seconds", "60"));
    int warmupSeconds = Integer.parseInt(options.getOrDefault("--warmup-seconds", "10"));
    new LatencyBench().run(rate, seconds, warmupSeconds);
    System.exit(0);
  }

  private void run(int rate, int seconds, int warmupSeconds) throws Exception {
    try (FerryStack stack = FerryStack.builder().sink("lis").start()) {
      stack
          .sink("lis")
          .onStored(
              payload -> {
                Instant now = Instant.now();
                Delivered d = new Delivered(0, 0, new String(payload, StandardCharsets.ISO_8859_1));
                delivered.putIfAbsent(d.inputControlId(), now);
              });
      int warmup = rate * warmupSeconds;
      int measured = rate * seconds;
      System.out.printf(
          "e2e latency: %d msgs/s for %d s after %d s warm-up, load %s%n",
          rate, seconds, warmupSeconds, Load.now());
      // The warm-up's backlog (a cold JVM converts far slower) drains before the measured run, so
      // the figures are the steady state's, not the start's queue.
      long warmStart = System.nanoTime();
      List<String> warm = send(stack.mllpPort(), rate, 0, warmup);
      awaitDelivered(warm, Duration.ofSeconds(300));
      System.out.printf(
          "warm-up: %d of %d delivered after %.1f s%n",
          warm.stream().filter(delivered::containsKey).count(),
          warm.size(),
          (System.nanoTime() - warmStart) / 1e9);
      CpuShares cpu = new CpuShares();
      List<String> counted = send(stack.mllpPort(), rate, warmup, measured);
      awaitDelivered(counted, Duration.ofSeconds(120));
      report(stack.dir(), counted);
      cpu.print(counted.size());
      System.out.printf("load after: %s%n", Load.now());
    }
  }

  private void awaitDelivered(List<String> ids, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!delivered.keySet().containsAll(ids) && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
  }

  /**
   * Sends {@code n} lab results numbered from {@code first} at {@code rate}; ACK times are read on
   * a second thread.
   */
  private List<String> send(int port, int rate, int first, int n) throws Exception {
    List<String> ids = new ArrayList<>(n);
    try (MllpClient client =
        MllpClient.connect("127.0.0.1", port, Duration.ofSeconds(5), Duration.ofSeconds(60))) {
      Thread reader = new Thread(() -> readAcks(client, n), "ack-reader");
      reader.start();
      long start = System.nanoTime();
      long interval = 1_000_000_000L / rate;
      for (int i = 0; i < n; i++) {
        LockSupport.parkNanos(start + i * interval - System.nanoTime());
        String id = String.format("LB%07d", first + i);
        ids.add(id);
        client.send(Hl7.oru(id, "LAB" + (i % 3)));
      }
      reader.join(60_000);
    }
    return ids;
  }

  private void readAcks(MllpClient client, int n) {
    try {
      for (int i = 0; i < n; i++) {
        AckReply ack = AckReply.parse(client.receive());
        Instant now = Instant.now();
        if (!ack.positive()) {
          System.err.println("negative ACK " + ack.code() + " for " + ack.acknowledgedControlId());
        }
        acked.put(ack.acknowledgedControlId(), now);
      }
    } catch (IOException | Hl7ParseException e) {
      System.err.println("reading ACKs failed after " + acked.size() + ": " + e);
    }
  }

  /** Percentiles of the whole trip and of its three stages, from the edge's own records. */
  private void report(Path dir, List<String> counted) {
    Map<String, Instant> shipped = new HashMap<>();
    Map<String, String> inputOfOutputId = new HashMap<>();
    try (SpoolView spool = SpoolView.open(dir.resolve("edge"))) {
      for (EntrySummary e : spool.list(0, 1_000_000)) {
        if (e.shippedAt() != null) {
          shipped.put(e.controlId(), e.shippedAt());
        }
        // The outbound store knows an output by the converter's output id (Keys).
        inputOfOutputId.put(Keys.deduplicationId(e.id(), "lab-to-lis", "lis"), e.controlId());
      }
    }
    Map<String, Instant> takenIn = new HashMap<>();
    try (SpoolView store = SpoolView.open(dir.resolve("edge").resolve("outbound"))) {
      for (EntrySummary e : store.list(0, 1_000_000)) {
        String input = inputOfOutputId.get(e.controlId());
        if (input != null) {
          takenIn.put(input, e.receivedAt());
        }
      }
    }
    Stats total = new Stats();
    Stats ship = new Stats();
    Stats cloud = new Stats();
    Stats deliver = new Stats();
    int missing = 0;
    for (String id : counted) {
      Instant ack = acked.get(id);
      Instant out = delivered.get(id);
      if (ack == null || out == null) {
        missing++;
        continue;
      }
      total.add(ack, out);
      Instant s = shipped.get(id);
      Instant t = takenIn.get(id);
      if (s != null) {
        ship.add(ack, s);
      }
      if (s != null && t != null) {
        cloud.add(s, t);
      }
      if (t != null) {
        deliver.add(t, out);
      }
    }
    System.out.printf(
        "%d measured, %d delivered, %d not delivered within 120 s%n",
        counted.size(), total.count(), missing);
    System.out.println(Stats.HEADER);
    System.out.println(total.line("ACK -> sink (total)"));
    System.out.println(ship.line("ACK -> shipped (edge spool, ship)"));
    System.out.println(cloud.line("shipped -> in outbound store"));
    System.out.println(deliver.line("outbound store -> sink"));
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --option value, got " + args[i]);
      }
      options.put(args[i], args[i + 1]);
    }
    return options;
  }
}
