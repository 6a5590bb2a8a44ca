package dev.hl7ferry.edge.spool;

import dev.hl7ferry.edge.TestMessages;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures spool throughput: N producer threads each keep W stores in flight (W=1: wait for each
 * future before the next, like a sender waiting for its ACK) with messages of a given size. {@code
 * --batch 1} forces one journal write (one fsync) per message for comparison; {@code --answer-at
 * index} waits for the index as well (what {@code ackAfter: cloud} does).
 *
 * <pre>
 * java -cp ... dev.hl7ferry.edge.spool.GroupCommitBenchmark \
 *     --producers 8 --messages 40000 --size 1024 --window 1 --batch 1024 --delay-us 200 \
 *     [--answer-at journal|index] [--dir DIR]
 * </pre>
 */
public final class GroupCommitBenchmark {
  private GroupCommitBenchmark() {}

  public static void main(String[] args) throws Exception {
    int producers = intArg(args, "--producers", 8);
    int messages = intArg(args, "--messages", 40_000);
    int size = intArg(args, "--size", 1024);
    int window = intArg(args, "--window", 1);
    int batch = intArg(args, "--batch", SpoolSettings.DEFAULT_MAX_BATCH_SIZE);
    int delayMicros = intArg(args, "--delay-us", 200);
    String dirArg = stringArg(args, "--dir", null);
    SpoolSettings.AnswerAt answerAt =
        SpoolSettings.AnswerAt.valueOf(
            stringArg(args, "--answer-at", "journal").toUpperCase(java.util.Locale.ROOT));
    Path dir =
        dirArg == null
            ? Files.createTempDirectory("spool-bench")
            : Files.createDirectories(Path.of(dirArg));
    SpoolSettings settings =
        new SpoolSettings(
            dir,
            Long.MAX_VALUE,
            Long.MAX_VALUE,
            batch,
            java.time.Duration.ofNanos(delayMicros * 1000L),
            answerAt,
            SpoolSettings.DEFAULT_JOURNAL_SEGMENT_BYTES);
    int perProducer = messages / producers;
    long[] latencies = new long[perProducer * producers];
    AtomicLong slot = new AtomicLong();
    try (SqliteSpool spool = SqliteSpool.open(settings)) {
      // Warm up the JIT and the file so the figures are about steady state.
      run(spool, producers, Math.min(perProducer, 500), size, window, "warm", null, slot);
      long writesBefore = spool.journalWrites();
      long writerCpuBefore = writerCpuNanos();
      slot.set(0);
      long start = System.nanoTime();
      run(spool, producers, perProducer, size, window, "m", latencies, slot);
      long elapsed = System.nanoTime() - start;
      long writes = spool.journalWrites() - writesBefore;
      long writerCpu = writerCpuNanos() - writerCpuBefore;
      long total = (long) perProducer * producers;
      Arrays.sort(latencies);
      System.out.printf(
          "producers=%d window=%d size=%d batch-limit=%d delay=%dus answer-at=%s messages=%d:"
              + " %.0f msgs/s, %d journal writes (%.1f msgs/fsync), spool threads' CPU %.1f us/msg,"
              + " latency p50=%.2f ms p99=%.2f ms p99.9=%.2f ms%n",
          producers,
          window,
          size,
          batch,
          delayMicros,
          answerAt,
          total,
          total / (elapsed / 1e9),
          writes,
          (double) total / writes,
          writerCpu / 1e3 / total,
          latencies[(int) (total * 0.50)] / 1e6,
          latencies[(int) (total * 0.99)] / 1e6,
          latencies[(int) (total * 0.999)] / 1e6);
    }
  }

  private static void run(
      SqliteSpool spool,
      int producers,
      int perProducer,
      int size,
      int window,
      String prefix,
      long[] latencies,
      AtomicLong slot)
      throws InterruptedException {
    CountDownLatch done = new CountDownLatch(producers);
    for (int p = 0; p < producers; p++) {
      int producer = p;
      Thread thread =
          new Thread(
              () -> {
                try {
                  produce(spool, producer, perProducer, size, window, prefix, latencies, slot);
                } finally {
                  done.countDown();
                }
              });
      thread.start();
    }
    done.await();
  }

  private static void produce(
      SqliteSpool spool,
      int producer,
      int count,
      int size,
      int window,
      String prefix,
      long[] latencies,
      AtomicLong slot) {
    List<CompletableFuture<StoreResult>> inFlight =
        new ArrayList<>(Collections.nCopies(window, null));
    long[] started = new long[window];
    for (int i = 0; i < count; i++) {
      int k = i % window;
      if (inFlight.get(k) != null) {
        inFlight.get(k).join();
        record(latencies, slot, started[k]);
      }
      started[k] = System.nanoTime();
      inFlight.set(k, spool.store(TestMessages.sized(prefix + "-" + producer + "-" + i, size)));
    }
    for (int k = 0; k < window; k++) {
      if (inFlight.get(k) != null) {
        inFlight.get(k).join();
        record(latencies, slot, started[k]);
      }
    }
  }

  private static void record(long[] latencies, AtomicLong slot, long started) {
    if (latencies != null) {
      // Latency counts until the waiting producer sees the completion, as a sender would.
      latencies[(int) slot.getAndIncrement()] = System.nanoTime() - started;
    }
  }

  /**
   * CPU time of the spool's threads (journal, index, checkpoint, segment preparer): what one
   * message costs the spool, whatever the load.
   */
  private static long writerCpuNanos() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long total = 0;
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null && info.getThreadName().startsWith("spool-")) {
        total += threads.getThreadCpuTime(info.getThreadId());
      }
    }
    return total;
  }

  private static int intArg(String[] args, String name, int fallback) {
    String value = stringArg(args, name, null);
    return value == null ? fallback : Integer.parseInt(value);
  }

  private static String stringArg(String[] args, String name, String fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }
}
