package dev.hl7ferry.e2e;

import dev.hl7ferry.edge.client.AckReply;
import dev.hl7ferry.edge.client.MllpClient;
import dev.hl7ferry.infra.local.LocalCloud;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The vendor loop's latency benchmark (not a test): orders at a steady rate into the edge; per
 * order, the time from the edge's ACK of the ORM to the RIS sink storing the ORU the loop made of
 * it (stored, then ACKed by the sink), with the real demo AI ({@code examples/demo-ai/DemoAi.java},
 * its own JVM) answering at once. Everything else in this JVM: {@link FerryStack} with the loop
 * store. Run by {@code scripts/bench-loop}.
 *
 * <pre>
 * LoopBench [--rate 50] [--seconds 60] [--warmup-seconds 15] [--demo-ai examples/demo-ai/DemoAi.java]
 * </pre>
 */
public final class LoopBench {
  private LoopBench() {}

  public static void main(String[] args) throws Exception {
    int rate = intOption(args, "--rate", 50);
    int seconds = intOption(args, "--seconds", 60);
    int warmupSeconds = intOption(args, "--warmup-seconds", 15);
    Path demoAi = Path.of(option(args, "--demo-ai", "examples/demo-ai/DemoAi.java"));
    int warmup = rate * warmupSeconds;
    int total = warmup + rate * seconds;
    Instant[] ackedAt = new Instant[total];
    Map<String, Instant> storedAt = new ConcurrentHashMap<>();
    CountDownLatch all = new CountDownLatch(total);

    Path work = Files.createTempDirectory("loop-bench");
    try (FerryStack stack = LoopStore.stack().start()) {
      stack
          .sink(LoopStore.RIS)
          .onStored(
              oru -> {
                String placer = placer(new String(oru, StandardCharsets.ISO_8859_1));
                if (storedAt.putIfAbsent(placer, Instant.now()) == null) {
                  all.countDown();
                }
              });
      Process ai = startDemoAi(stack.cloud(), demoAi, work.resolve("demo-ai.log"));
      try {
        // The warm-up's backlog (a cold JVM and demo AI are far slower) drains before the
        // measured orders, so the figure is the steady state's.
        long warmStart = System.nanoTime();
        send(stack.mllpPort(), rate, 0, warmup, ackedAt);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (all.getCount() > total - warmup && System.nanoTime() < deadline) {
          Thread.sleep(100);
        }
        System.out.printf(
            "warm-up: %d of %d orders answered after %.1f s%n",
            total - all.getCount(), warmup, (System.nanoTime() - warmStart) / 1e9);
        CpuShares cpu = new CpuShares();
        send(stack.mllpPort(), rate, warmup, total, ackedAt);
        boolean done = all.await(120, TimeUnit.SECONDS);
        cpu.print(total - warmup);
        report(rate, seconds, warmup, total, ackedAt, storedAt, done);
        System.out.println("demo AI log: " + work.resolve("demo-ai.log"));
      } finally {
        ai.destroy();
        ai.waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  /**
   * One connection; orders {@code from} to {@code to} - 1, the k-th of them leaving at start + k /
   * rate (or at once when behind), ACK awaited.
   */
  private static void send(int port, int rate, int from, int to, Instant[] ackedAt)
      throws Exception {
    long intervalNanos = 1_000_000_000L / rate;
    try (MllpClient client = MllpClient.connect("127.0.0.1", port, Duration.ofSeconds(30))) {
      long start = System.nanoTime();
      for (int i = from; i < to; i++) {
        long due = start + (i - from) * intervalNanos;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
        client.send(LoopStore.order(i));
        AckReply ack = AckReply.parse(client.receive());
        ackedAt[i] = Instant.now();
        if (!ack.positive()) {
          throw new IllegalStateException("order " + i + " got " + ack.code());
        }
      }
    }
  }

  private static Process startDemoAi(LocalCloud cloud, Path source, Path log) throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            source.toString(),
            "--orders",
            cloud.vendorQueueUrl(LoopStore.VENDOR),
            "--vendor",
            LoopStore.VENDOR);
    Map<String, String> env = pb.environment();
    env.put("AWS_REGION", cloud.region());
    env.put("AWS_ACCESS_KEY_ID", cloud.accessKeyId());
    env.put("AWS_SECRET_ACCESS_KEY", cloud.secretAccessKey());
    env.put("FERRY_SQS_ENDPOINT", cloud.sqsEndpoint().toString());
    env.put("FERRY_S3_ENDPOINT", cloud.s3Endpoint().toString());
    env.put("FERRY_BUCKET", cloud.bucket());
    pb.redirectErrorStream(true);
    Process ai = pb.start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(ai.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    if (line == null || !line.startsWith("demo-ai: reading orders")) {
      ai.destroy();
      throw new IllegalStateException("the demo AI did not start: " + line);
    }
    Thread drain =
        new Thread(
            () -> {
              try (var w = Files.newBufferedWriter(log)) {
                for (String l = out.readLine(); l != null; l = out.readLine()) {
                  w.write(l);
                  w.newLine();
                  w.flush();
                }
              } catch (Exception ignored) {
                // The process ended; its log is as far as it got.
              }
            },
            "demo-ai-log");
    drain.setDaemon(true);
    drain.start();
    return ai;
  }

  private static void report(
      int rate,
      int seconds,
      int warmup,
      int total,
      Instant[] ackedAt,
      Map<String, Instant> storedAt,
      boolean done) {
    Stats loop = new Stats();
    int missing = 0;
    for (int i = warmup; i < total; i++) {
      Instant stored = storedAt.get("PLC" + i);
      if (stored == null) {
        missing++;
      } else {
        loop.add(ackedAt[i], stored);
      }
    }
    System.out.printf(
        "loop bench: %d orders/s for %d s after %d warm-up orders; missing %d%s; load %s%n",
        rate, seconds, warmup, missing, done ? "" : " (timed out waiting)", loadAverage());
    System.out.println(Stats.HEADER);
    System.out.println(loop.line("ORM ACK at edge -> ORU stored at sink"));
  }

  private static String placer(String oru) {
    for (String segment : oru.split("\r")) {
      if (segment.startsWith("ORC|")) {
        String[] fields = segment.split("\\|", -1);
        return fields.length > 2 ? fields[2].split("\\^", -1)[0] : "";
      }
    }
    return "";
  }

  private static String loadAverage() {
    try {
      return String.join(
          " ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
    } catch (Exception e) {
      return "?";
    }
  }

  private static String option(String[] args, String name, String otherwise) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return otherwise;
  }

  private static int intOption(String[] args, String name, int otherwise) {
    return Integer.parseInt(option(args, name, String.valueOf(otherwise)));
  }
}
