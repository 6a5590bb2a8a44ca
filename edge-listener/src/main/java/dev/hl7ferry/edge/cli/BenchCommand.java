package dev.hl7ferry.edge.cli;

import dev.hl7ferry.edge.client.AckReply;
import dev.hl7ferry.edge.client.MllpClient;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLongArray;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ferry-edge bench}: a load generator. Each connection keeps up to {@code --window} messages
 * in flight, every ACK's MSA-2 is checked against the control id sent at that position, and
 * throughput and latency percentiles are printed.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Load an MLLP listener; print msgs/s and latency percentiles.")
final class BenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "Default: ${DEFAULT-VALUE}")
  String host;

  @Option(names = "--port", required = true)
  int port;

  @Option(names = "--connections", defaultValue = "8", description = "Default: ${DEFAULT-VALUE}")
  int connections;

  @Option(names = "--messages", defaultValue = "100000", description = "Total, measured.")
  int messages;

  @Option(
      names = "--size",
      defaultValue = "1024",
      description = "Message bytes. Default: ${DEFAULT-VALUE}")
  int size;

  @Option(
      names = "--window",
      defaultValue = "1",
      description = "Messages in flight per connection (pipelining). Default: ${DEFAULT-VALUE}")
  int window;

  @Option(
      names = "--warmup",
      defaultValue = "2000",
      description =
          "Messages per connection sent first and not measured. Default: ${DEFAULT-VALUE}")
  int warmup;

  @Option(
      names = "--idle",
      defaultValue = "0",
      description =
          "Open this many extra connections first, keep them idle during the run, and check"
              + " afterwards that the server still holds every one. Default: ${DEFAULT-VALUE}")
  int idle;

  @Option(names = "--timeout", defaultValue = "30", paramLabel = "SECONDS")
  int timeoutSeconds;

  /**
   * Makes this run's control ids (and so the spool's content-derived entry ids) unique, so a second
   * run against the same spool measures stores, not duplicate look-ups.
   */
  private final String runId =
      Long.toString(System.currentTimeMillis() % 60_466_176L, 36)
          .toUpperCase(java.util.Locale.ROOT);

  /** One connection's measured outcome. */
  private record Result(long[] latencies, int errors, String firstError) {}

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    BenchMessages generator = new BenchMessages(size);
    ExecutorService pool = Executors.newCachedThreadPool();
    List<MllpClient> idlers = new ArrayList<>();
    try {
      for (int i = 0; i < idle; i++) {
        idlers.add(MllpClient.connect(host, port, Duration.ofSeconds(timeoutSeconds)));
      }
      if (idle > 0) {
        out.printf("holding %d idle connections%n", idle);
        out.flush();
      }
      if (warmup > 0) {
        runAll(pool, generator, "W", warmup);
      }
      long start = System.nanoTime();
      List<Result> results = runAll(pool, generator, "B", -1);
      double seconds = (System.nanoTime() - start) / 1e9;
      long[] all = results.stream().flatMapToLong(r -> Arrays.stream(r.latencies())).toArray();
      Arrays.sort(all);
      int errors = results.stream().mapToInt(Result::errors).sum();
      out.printf(
          "bench: %d messages, %d connections, window %d, %d bytes each%n",
          all.length, connections, window, generator.message("B0-0").length);
      out.printf(
          "throughput %.0f msgs/s; latency ms p50 %.2f p99 %.2f p99.9 %.2f max %.2f; errors %d%n",
          all.length / seconds,
          percentile(all, 0.50),
          percentile(all, 0.99),
          percentile(all, 0.999),
          all.length == 0 ? 0 : all[all.length - 1] / 1e6,
          errors);
      results.stream()
          .filter(r -> r.firstError() != null)
          .findFirst()
          .ifPresent(r -> out.println("first error: " + r.firstError()));
      long stillOpen = idlers.stream().filter(c -> c.stillOpen(Duration.ofMillis(5))).count();
      if (idle > 0) {
        out.printf("idle connections still open after the run: %d of %d%n", stillOpen, idle);
      }
      out.flush();
      return errors == 0 && stillOpen == idle ? 0 : 1;
    } finally {
      for (MllpClient c : idlers) {
        c.close();
      }
      pool.shutdownNow();
    }
  }

  private List<Result> runAll(ExecutorService pool, BenchMessages generator, String phase, int each)
      throws Exception {
    List<Future<Result>> futures = new ArrayList<>();
    for (int c = 0; c < connections; c++) {
      int count = each >= 0 ? each : messages / connections + (c < messages % connections ? 1 : 0);
      String prefix = phase + runId + c + "-";
      futures.add(pool.submit(() -> runConnection(pool, generator, prefix, count)));
    }
    List<Result> results = new ArrayList<>();
    for (Future<Result> f : futures) {
      results.add(f.get());
    }
    return results;
  }

  private Result runConnection(
      ExecutorService pool, BenchMessages generator, String prefix, int count) throws Exception {
    try (MllpClient client = MllpClient.connect(host, port, Duration.ofSeconds(timeoutSeconds))) {
      AtomicLongArray sentAt = new AtomicLongArray(count);
      Semaphore inFlight = new Semaphore(window);
      Future<?> writer =
          pool.submit(
              () -> {
                for (int i = 0; i < count; i++) {
                  inFlight.acquire();
                  sentAt.set(i, System.nanoTime());
                  client.send(generator.message(prefix + i));
                }
                return null;
              });
      long[] latencies = new long[count];
      int errors = 0;
      String firstError = null;
      for (int i = 0; i < count; i++) {
        byte[] payload = client.receive();
        latencies[i] = System.nanoTime() - sentAt.get(i);
        inFlight.release();
        AckReply ack = AckReply.parse(payload);
        String expected = prefix + i;
        if (!ack.positive() || !ack.acknowledgedControlId().equals(expected)) {
          errors++;
          if (firstError == null) {
            firstError =
                "expected AA for "
                    + expected
                    + ", got "
                    + ack.code()
                    + " for "
                    + ack.acknowledgedControlId()
                    + " "
                    + ack.error();
          }
        }
      }
      writer.get();
      return new Result(latencies, errors, firstError);
    }
  }

  private static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }
}
