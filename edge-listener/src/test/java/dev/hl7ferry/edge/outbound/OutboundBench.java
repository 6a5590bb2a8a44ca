package dev.hl7ferry.edge.outbound;

import dev.hl7ferry.contract.envelope.OutboundEnvelope;
import dev.hl7ferry.contract.envelope.PayloadDigest;
import dev.hl7ferry.core.ack.AckOutcome;
import dev.hl7ferry.edge.deliver.DeliveryLoop;
import dev.hl7ferry.edge.deliver.DeliveryPolicy;
import dev.hl7ferry.edge.deliver.MllpDestination;
import dev.hl7ferry.edge.deliver.OnApplicationError;
import dev.hl7ferry.edge.retry.Backoff;
import dev.hl7ferry.edge.sink.MllpSink;
import dev.hl7ferry.edge.spool.IncomingMessage;
import dev.hl7ferry.edge.spool.SpoolSettings;
import dev.hl7ferry.edge.spool.SqliteSpool;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures delivery from a pre-filled local outbound store (not part of the test run): stores N
 * outputs of about 1 KB spread over D destinations, reports the heap with all of them queued, then
 * times the same number of messages sent straight to D local MLLP sinks with no store ({@link
 * SinkBaseline}: the ceiling the sinks and sockets allow), then starts D fresh sinks (ACK AA,
 * counting only) and one delivery loop each, and times until every output is delivered (one
 * connection per destination, window 1: each ACK awaited before the next send; receipts and marks
 * recorded in groups, at most {@code --max-uncommitted} per destination unrecorded). Both phases
 * print the process CPU per message, split by sinks, edge and the rest (JIT compilers, GC). With
 * {@code --warmup W} the store holds W more outputs, delivered first and not timed (the JIT's work
 * on a fresh JVM then falls before the timed part: a long-running edge's steady state). Run it with
 * {@code -Xmx256m} to show the queue does not live in the heap.
 *
 * <pre>
 * OutboundBench [--messages 100000] [--destinations 1] [--size 1000] [--max-uncommitted 16]
 *               [--warmup 0]
 * </pre>
 */
public final class OutboundBench {

  private OutboundBench() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    int messages = Integer.parseInt(opts.getOrDefault("messages", "100000"));
    int destinations = Integer.parseInt(opts.getOrDefault("destinations", "1"));
    int size = Integer.parseInt(opts.getOrDefault("size", "1000"));
    int warmup = Integer.parseInt(opts.getOrDefault("warmup", "0"));
    int maxUncommitted =
        Integer.parseInt(
            opts.getOrDefault(
                "max-uncommitted",
                Integer.toString(dev.hl7ferry.edge.config.OutboundConfig.DEFAULT_MAX_UNCOMMITTED)));
    Path dir = Files.createTempDirectory("outbound-bench");
    Clock clock = Clock.systemUTC();
    List<String> names = new ArrayList<>();
    for (int d = 0; d < destinations; d++) {
      names.add("dest-" + d);
    }
    SqliteSpool outputs =
        SqliteSpool.open(SpoolSettings.of(dir.resolve("outbound"), 1L << 40, 100_000_000));
    SqliteSpool receiptSpool =
        SqliteSpool.open(
            SpoolSettings.of(dir.resolve("receipts"), 1L << 40, 100_000_000)
                .answeringAt(SpoolSettings.AnswerAt.JOURNAL));
    OutboundStore store =
        new OutboundStore(
            outputs,
            new ReceiptBook(receiptSpool),
            "bench",
            java.util.Set.copyOf(names),
            clock,
            maxUncommitted);

    long fill0 = System.nanoTime();
    List<IncomingMessage> chunk = new ArrayList<>();
    int stored = warmup + messages;
    for (int i = 0; i < stored; i++) {
      chunk.add(output(names.get(i % destinations), i, size));
      if (chunk.size() == 1_000) {
        store.storeAll(chunk);
        chunk.clear();
      }
    }
    if (!chunk.isEmpty()) {
      store.storeAll(chunk);
    }
    System.out.printf(
        "stored %d outputs of ~%d B for %d destination(s) in %.1f s%n",
        stored, size, destinations, (System.nanoTime() - fill0) / 1e9);
    System.out.printf(
        "heap with %d outputs queued, after a full GC: %d MB (max %d MB)%n",
        stored, usedHeapMb(), Runtime.getRuntime().maxMemory() >> 20);

    System.out.println(SinkBaseline.run(names, messages / destinations, size).describe());

    List<MllpSink> sinks = new ArrayList<>();
    List<DeliveryLoop> loops = new ArrayList<>();
    DeliveryPolicy policy =
        new DeliveryPolicy(
            OnApplicationError.DEAD_LETTER,
            3,
            Backoff.steady(Duration.ofMillis(20), Duration.ofMillis(200)),
            Duration.ofMillis(200));
    long peakHeap = 0;
    try {
      for (String name : names) {
        MllpSink sink = new MllpSink("127.0.0.1", 0, null, AckOutcome.ACCEPT);
        int port = sink.start().getPort();
        sinks.add(sink);
        loops.add(
            new DeliveryLoop(
                new MllpDestination(
                    name, "127.0.0.1", port, Duration.ofSeconds(5), Duration.ofSeconds(30)),
                store,
                policy));
      }
      MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
      loops.forEach(DeliveryLoop::start);
      long warmed = 0;
      while ((warmed = delivered(sinks)) < warmup) {
        Thread.sleep(5);
        peakHeap = Math.max(peakHeap, memory.getHeapMemoryUsage().getUsed());
      }
      if (warmup > 0) {
        System.out.printf("warm-up: %d outputs delivered, not timed%n", warmed);
      }
      long cpu0 = SinkBaseline.processCpuNanos();
      ThreadCpu byThread = ThreadCpu.start();
      long groups0 = store.commitGroups();
      long start = System.nanoTime();
      messages = (int) (stored - warmed); // the warm-up's last poll may have overshot a little
      while (delivered(sinks) < stored) {
        Thread.sleep(20);
        peakHeap = Math.max(peakHeap, memory.getHeapMemoryUsage().getUsed());
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      long cpu = SinkBaseline.processCpuNanos() - cpu0;
      String shares = byThread.describe(messages);
      long groups = store.commitGroups() - groups0;
      System.out.printf(
          "delivered %d outputs to %d sink(s) in %.1f s = %.0f msgs/s, process CPU %.0f us/msg"
              + " (window 1 per destination, maxUncommitted %d; peak heap during delivery %d MB);"
              + " %s; %d commit groups, %.1f endings each%n",
          messages,
          destinations,
          seconds,
          messages / seconds,
          cpu / 1e3 / messages,
          maxUncommitted,
          peakHeap >> 20,
          shares,
          groups,
          groups == 0 ? 0.0 : (double) messages / groups);
    } finally {
      loops.forEach(DeliveryLoop::close);
      store.close();
      sinks.forEach(MllpSink::close);
      outputs.close();
      receiptSpool.close();
    }
  }

  private static long delivered(List<MllpSink> sinks) {
    long total = 0;
    for (MllpSink sink : sinks) {
      total += sink.received();
    }
    return total;
  }

  private static long usedHeapMb() {
    System.gc();
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    return memory.getHeapMemoryUsage().getUsed() >> 20;
  }

  /** An output of about {@code size} bytes for {@code destination}, as the converter renders it. */
  private static IncomingMessage output(String destination, int n, int size) {
    byte[] payload = hl7(n, size);
    String id = PayloadDigest.sha256Hex(("bench-" + n).getBytes(StandardCharsets.UTF_8));
    OutboundEnvelope envelope =
        new OutboundEnvelope(
                OutboundEnvelope.VERSION,
                id,
                "bench",
                "route",
                destination,
                "template",
                "bucket",
                "key",
                PayloadDigest.sha256Hex(payload),
                payload.length,
                "application/hl7-v2")
            .withInlinePayload(payload);
    return OutboundEntries.output(envelope, payload, "m" + n, Instant.now());
  }

  /** An ORU of about {@code size} bytes with MSH-10 {@code OUT<n>}. */
  static byte[] hl7(int n, int size) {
    StringBuilder text =
        new StringBuilder("MSH|^~\\&|FERRY|CLOUD|LIS|HOSP|20261130120000||ORU^R01^ORU_R01|OUT")
            .append(n)
            .append("|P|2.5.1\rPID|1||PAT")
            .append(n)
            .append("^^^HOSP^MR\r");
    int obx = 1;
    while (text.length() < size) {
      text.append("OBX|").append(obx++).append("|NM|2345-7^GLUCOSE^LN||98|mg/dL|70-99|N|||F\r");
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }
}
