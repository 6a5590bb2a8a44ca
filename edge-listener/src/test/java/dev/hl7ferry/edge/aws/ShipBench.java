package dev.hl7ferry.edge.aws;

import dev.hl7ferry.edge.TestMessages;
import dev.hl7ferry.edge.ship.ArchiveMode;
import dev.hl7ferry.edge.ship.CloudSettings;
import dev.hl7ferry.edge.ship.Encryption;
import dev.hl7ferry.edge.ship.InMemorySpool;
import dev.hl7ferry.edge.ship.ShipListener;
import dev.hl7ferry.edge.ship.ShipSettings;
import dev.hl7ferry.edge.ship.ShipSettingsBuilder;
import dev.hl7ferry.edge.ship.Shipment;
import dev.hl7ferry.edge.ship.Shipper;
import dev.hl7ferry.edge.spool.SpoolSettings;
import dev.hl7ferry.edge.spool.SqliteSpool;
import dev.hl7ferry.edge.spool.StoreResult;
import dev.hl7ferry.infra.local.StaticCredentials;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Measures how fast a backlog drains after an outage (not part of the test run): spools N messages
 * of about 1 KB in a real SQLite spool while the cloud is down (the shipper already running and
 * failing), then starts the local cloud in a separate JVM ({@code LocalCloudMain}, as the
 * one-command local run does) and times until the spool holds nothing unshipped. See
 * edge-listener/SHIPPING.md for the command.
 *
 * <pre>
 * ShipBench [--messages 50000] [--size 1000] [--facilities 8] [--standard] [--puts 32]
 *           [--fetch 500] [--encryption kms|s3_managed|none] [--cloud-jvm-opts "-Xmx1g ..."]
 *           [--delay-ms 0] [--inline 65536] [--archive batch|perMessage|none] [--no-baseline]
 * </pre>
 *
 * <p>S3 and SQS go through a {@link DelayProxy} each ({@code --delay-ms}, 0 by default), which also
 * counts the requests per 1,000 messages. In the same run, a bare SDK SendMessageBatch loop into
 * the same queue through the same proxy ({@link SendBatchBaseline}) gives the ceiling the shipped
 * rate is compared with.
 */
public final class ShipBench {

  private ShipBench() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = options(args);
    int messages = Integer.parseInt(opts.getOrDefault("messages", "50000"));
    int size = Integer.parseInt(opts.getOrDefault("size", "1000"));
    int facilities = Integer.parseInt(opts.getOrDefault("facilities", "8"));
    boolean fifo = !opts.containsKey("standard");
    int puts = Integer.parseInt(opts.getOrDefault("puts", "32"));
    int fetch = Integer.parseInt(opts.getOrDefault("fetch", "500"));
    Encryption encryption =
        Encryption.valueOf(opts.getOrDefault("encryption", "kms").toUpperCase());
    String cloudJvmOpts = opts.getOrDefault("cloud-jvm-opts", "-Xmx1g");
    long delayMs = Long.parseLong(opts.getOrDefault("delay-ms", "0"));
    int inline = Integer.parseInt(opts.getOrDefault("inline", "65536"));
    ArchiveMode archive = ArchiveMode.parse(opts.getOrDefault("archive", "batch"));
    boolean baseline = !opts.containsKey("no-baseline");

    Path dataDir = Files.createTempDirectory("ship-bench");
    int s3Port = freePort();
    int sqsPort = freePort();
    String queueName = "hl7-ferry-inbound" + (fifo ? ".fifo" : "");
    String queueUrl = "http://127.0.0.1:" + sqsPort + "/000000000000/" + queueName;
    try (SqliteSpool spool = SqliteSpool.open(SpoolSettings.of(dataDir, 1L << 40, 10_000_000))) {
      long spoolStart = System.nanoTime();
      ArrayDeque<CompletableFuture<StoreResult>> window = new ArrayDeque<>();
      for (int i = 0; i < messages; i++) {
        window.add(spool.store(TestMessages.oru("FAC" + (i % facilities), i, size)));
        if (window.size() >= 2_000) {
          window.poll().get();
        }
      }
      for (CompletableFuture<StoreResult> f : window) {
        f.get();
      }
      System.out.printf(
          "spooled %d messages of ~%d B in %.1f s (cloud down)%n",
          messages, size, (System.nanoTime() - spoolStart) / 1e9);

      ShipSettings settings =
          ShipSettingsBuilder.defaults("bench", "hl7-ferry-local", queueUrl)
              .encryption(encryption, encryption == Encryption.KMS ? "alias/bench" : "")
              .batching(fetch, 10, puts)
              .backoff(Duration.ofMillis(100), Duration.ofMillis(500))
              .inline(inline)
              .archive(archive)
              .build();
      AtomicLong shipped = new AtomicLong();
      AtomicLong firstShippedAt = new AtomicLong();
      ShipListener listener =
          new ShipListener() {
            @Override
            public void shipped(int count, long bytes, Duration took) {
              firstShippedAt.compareAndSet(0, System.nanoTime());
              shipped.addAndGet(count);
            }
          };
      StaticCredentials local = StaticCredentials.LOCAL;
      DelayProxy s3Proxy = DelayProxy.start(s3Port, delayMs);
      DelayProxy sqsProxy = DelayProxy.start(sqsPort, delayMs);
      CloudSettings viaProxies =
          CloudSettings.endpoints(
              "us-east-1",
              URI.create("http://127.0.0.1:" + s3Proxy.port()),
              URI.create("http://127.0.0.1:" + sqsProxy.port()));
      StaticCredentialsProvider credentials =
          StaticCredentialsProvider.create(
              AwsBasicCredentials.create(local.accessKeyId(), local.secretAccessKey()));
      Shipper shipper = AwsShipping.shipper(spool, settings, viaProxies, credentials, listener);
      shipper.start();
      Thread.sleep(1_500); // a few failed rounds: the shipper is backing off when the cloud returns
      Process cloud = startCloud(cloudJvmOpts, s3Port, sqsPort, fifo, queueUrl);
      try {
        long cloudUp = System.nanoTime();
        long s3Requests0 = s3Proxy.requests();
        long sqsRequests0 = sqsProxy.requests();
        long shipperCpu0 = processCpuNanos();
        Duration cloudCpu0 = cloudCpu(cloud);
        while (spool.stats().received() > 0) {
          Thread.sleep(20);
        }
        long done = System.nanoTime();
        long s3Requests = s3Proxy.requests() - s3Requests0;
        long sqsRequests = sqsProxy.requests() - sqsRequests0;
        double shipperCpuMs = (processCpuNanos() - shipperCpu0) / 1e6 / messages;
        double cloudCpuMs = cloudCpu(cloud).minus(cloudCpu0).toNanos() / 1e6 / messages;
        double drain = (done - cloudUp) / 1e9;
        double shipping = (done - firstShippedAt.get()) / 1e9;
        System.out.printf(
            "drained %d entries in %.1f s after the cloud was up = %.0f msgs/s"
                + " (%.1f s = %.0f msgs/s from the first confirmed batch)"
                + " [%s queue, %d groups, %d puts, fetch %d, %s]%n",
            messages,
            drain,
            messages / drain,
            shipping,
            messages / shipping,
            fifo ? "FIFO" : "standard",
            facilities,
            puts,
            fetch,
            encryption);
        // CPU per message is what the two cores share; it does not depend on the other load.
        System.out.printf(
            "cpu per message: shipper JVM %.3f ms, local cloud JVM %.3f ms, together %.3f ms"
                + " = at most %.0f msgs/s on 2 idle cores%n",
            shipperCpuMs,
            cloudCpuMs,
            shipperCpuMs + cloudCpuMs,
            2_000 / (shipperCpuMs + cloudCpuMs));
        System.out.printf(
            "requests per 1,000 messages: S3 %.1f, SQS %.1f [delay %d ms, inline %d, archive %s]%n",
            s3Requests * 1000.0 / messages,
            sqsRequests * 1000.0 / messages,
            delayMs,
            inline,
            archive);
        if (baseline) {
          shipper.stop();
          int bodyBytes = sampleBodyBytes(settings, size);
          double bare;
          try (AwsClients clients = AwsClients.create(viaProxies, credentials)) {
            bare =
                SendBatchBaseline.run(
                    clients, queueUrl, fifo, messages, bodyBytes, facilities, puts);
          }
          System.out.printf(
              "baseline: bare SDK SendMessageBatch of 10 (%d B bodies, %d threads) = %.0f msgs/s;"
                  + " shipped/baseline = %.2f after the cloud was up, %.2f from the first batch%n",
              bodyBytes, puts, bare, messages / drain / bare, messages / shipping / bare);
        }
      } finally {
        shipper.stop();
        s3Proxy.close();
        sqsProxy.close();
        cloud.destroy();
        cloud.waitFor();
      }
    }
  }

  /** LocalCloudMain in its own JVM on the given ports; returns once it printed "ready". */
  private static Process startCloud(
      String jvmOpts, int s3Port, int sqsPort, boolean fifo, String expectedQueueUrl)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String opt : jvmOpts.trim().split("\\s+")) {
      if (!opt.isEmpty()) {
        command.add(opt);
      }
    }
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            "dev.hl7ferry.infra.local.LocalCloudMain",
            "--s3-port",
            String.valueOf(s3Port),
            "--sqs-port",
            String.valueOf(sqsPort)));
    if (!fifo) {
      command.add("--standard");
    }
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    String line;
    while ((line = out.readLine()) != null) {
      seen.append(line).append('\n');
      if (line.startsWith("local cloud ready")) {
        if (!seen.toString().contains("=" + expectedQueueUrl)) {
          process.destroy();
          throw new IllegalStateException(
              "the local cloud's queue is not " + expectedQueueUrl + ":\n" + seen);
        }
        // Keep draining its output so it never blocks on a full pipe.
        Thread drain =
            new Thread(
                () -> {
                  try {
                    while (out.readLine() != null) {
                      // discard
                    }
                  } catch (IOException ignored) {
                    // the process ended
                  }
                });
        drain.setDaemon(true);
        drain.start();
        return process;
      }
    }
    throw new IllegalStateException("the local cloud did not start:\n" + seen);
  }

  /** The envelope body size of a message like the benchmark's (inline or claim check). */
  private static int sampleBodyBytes(ShipSettings settings, int size) {
    InMemorySpool one = new InMemorySpool();
    one.add(TestMessages.oru("FAC0", 0, size));
    return Shipment.of(one.unshipped(0, 1).get(0), settings)
        .body()
        .getBytes(StandardCharsets.UTF_8)
        .length;
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static Duration cloudCpu(Process cloud) {
    return cloud.info().totalCpuDuration().orElse(Duration.ZERO);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> opts = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument " + args[i]);
      }
      String key = args[i].substring(2);
      if (key.equals("standard") || key.equals("no-baseline")) {
        opts.put(key, "true");
      } else {
        opts.put(key, args[++i]);
      }
    }
    return opts;
  }
}
