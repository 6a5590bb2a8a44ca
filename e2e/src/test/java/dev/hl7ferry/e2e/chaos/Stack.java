package dev.hl7ferry.e2e.chaos;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The product as scripts/run-local runs it, each part its own process on 127.0.0.1 with free ports:
 * the local cloud (LocalCloudMain), the converter ({@code ferry-convert run-local}), one MLLP sink
 * ({@code ferry-edge sink}, the destination "lis") and the edge ({@code ferry-edge run}), shipping
 * and delivering. Parts can be killed, restarted, frozen and resumed.
 */
final class Stack implements AutoCloseable {
  static final String SITE = "chaos";
  private static final Duration START = Duration.ofSeconds(300);
  private static final List<String> SMALL_JVM = List.of("-Xmx384m", "-XX:+UseSerialGC");

  /** The edge's heap: fixed, so its resident size says something. */
  static final List<String> EDGE_JVM = List.of("-Xmx256m");

  private final Path work;
  private final SpoolDisk disk;
  private final int frameTimeoutSeconds;
  private final int edgePort = freePort();
  private final int sinkPort = freePort();
  private final Map<String, String> cloudEnv = new HashMap<>();
  private final List<Path> sinkDirs = new ArrayList<>();
  private Child cloud;
  private Child converter;
  private Child sink;
  private Child edge;
  private String bucket;

  private Stack(Path work, SpoolDisk disk, int frameTimeoutSeconds) {
    this.work = work;
    this.disk = disk;
    this.frameTimeoutSeconds = frameTimeoutSeconds;
  }

  /** Starts every part; the edge's data directory is {@code disk}'s. */
  static Stack start(Path work, SpoolDisk disk, int frameTimeoutSeconds) throws Exception {
    Stack stack = new Stack(work, disk, frameTimeoutSeconds);
    try {
      stack.startAll();
      return stack;
    } catch (Exception e) {
      stack.close();
      throw e;
    }
  }

  private void startAll() throws Exception {
    int s3Port = freePort();
    int sqsPort = freePort();
    Path store = Path.of(Stack.class.getResource("/chaos/store/routes.yaml").toURI()).getParent();
    cloud =
        Child.start(
            "cloud",
            logs("cloud"),
            SMALL_JVM,
            Map.of(),
            "dev.hl7ferry.infra.local.LocalCloudMain",
            "--data-dir",
            work.resolve("s3").toString(),
            "--s3-port",
            Integer.toString(s3Port),
            "--sqs-port",
            Integer.toString(sqsPort),
            "--sites",
            SITE,
            "--templates",
            store.toString());
    cloud.awaitLine("local cloud ready", START);
    String described = Files.readString(cloud.log(), StandardCharsets.UTF_8);
    bucket = value(described, "bucket");
    cloudEnv.put("AWS_ACCESS_KEY_ID", value(described, "access-key-id"));
    cloudEnv.put("AWS_SECRET_ACCESS_KEY", value(described, "secret-access-key"));
    cloudEnv.put("AWS_REGION", value(described, "region"));
    Map<String, String> converterEnv = new HashMap<>(cloudEnv);
    converterEnv.put("FERRY_BUCKET", bucket);
    converterEnv.put("FERRY_S3_ENDPOINT", "http://127.0.0.1:" + s3Port);
    converterEnv.put("FERRY_SQS_ENDPOINT", "http://127.0.0.1:" + sqsPort);
    converterEnv.put("FERRY_TEMPLATE_TTL", "PT60S");
    String inbound = value(described, "queue.hl7-ferry-inbound.fifo");
    converter =
        Child.start(
            "converter",
            logs("converter"),
            SMALL_JVM,
            converterEnv,
            "dev.hl7ferry.converter.cli.FerryConvert",
            "run-local",
            "--queue",
            inbound);
    startSink();
    Files.writeString(
        work.resolve("edge.yaml"),
        EdgeYaml.render(
            value(described, "region"),
            s3Port,
            sqsPort,
            bucket,
            inbound,
            value(described, "queue.hl7-ferry-outbound-" + SITE + ".fifo"),
            value(described, "queue.hl7-ferry-receipts.fifo"),
            sinkPort,
            frameTimeoutSeconds));
    startEdge();
  }

  private static String value(String described, String key) throws IOException {
    for (String line : described.split("\n")) {
      if (line.startsWith(key + "=")) {
        return line.substring(key.length() + 1).trim();
      }
    }
    throw new IOException("the local cloud did not print " + key);
  }

  private Path logs(String name) {
    return work.resolve("logs").resolve(name + ".log");
  }

  /** Starts the edge on its port and data directory; returns once it listens. */
  void startEdge() throws IOException, InterruptedException {
    edge =
        Child.start(
            "edge",
            logs("edge"),
            EDGE_JVM,
            cloudEnv,
            "dev.hl7ferry.edge.cli.FerryEdge",
            "run",
            "--config",
            work.resolve("edge.yaml").toString(),
            "--port",
            Integer.toString(edgePort),
            "--data-dir",
            disk.dataDir().toString());
    edge.awaitLine("ferry-edge listening", START);
  }

  /** SIGKILL to the edge. */
  void killEdge() throws InterruptedException {
    edge.kill();
  }

  /** Starts the sink on its port, writing into a new folder (a restart never overwrites). */
  void startSink() throws IOException, InterruptedException {
    Path dir = work.resolve("sink-" + sinkDirs.size());
    Files.createDirectories(dir);
    sinkDirs.add(dir);
    sink =
        Child.start(
            "sink",
            logs("sink"),
            SMALL_JVM,
            Map.of(),
            "dev.hl7ferry.edge.cli.FerryEdge",
            "sink",
            "--port",
            Integer.toString(sinkPort),
            "--dir",
            dir.toString());
    sink.awaitLine("sink listening", START);
  }

  /** SIGKILL to the sink: the destination crashes. */
  void killSink() throws InterruptedException {
    sink.kill();
  }

  /** SIGSTOP to the local cloud: every S3 and SQS call hangs until {@link #resumeCloud}. */
  void freezeCloud() throws IOException, InterruptedException {
    cloud.signal("STOP");
  }

  void resumeCloud() throws IOException, InterruptedException {
    cloud.signal("CONT");
  }

  Child edge() {
    return edge;
  }

  int edgePort() {
    return edgePort;
  }

  SpoolDisk disk() {
    return disk;
  }

  /** Every folder the sink has written into. */
  List<Path> sinkDirs() {
    return List.copyOf(sinkDirs);
  }

  /** Where the converter's error records of this site are (the local cloud's files). */
  Path errorRecords() {
    return work.resolve("s3").resolve(bucket).resolve("errors").resolve(SITE);
  }

  /** A child's log, for a failure message. */
  Path log(String name) {
    return logs(name);
  }

  @Override
  public void close() throws Exception {
    // Reverse order of the flow: the edge first (it drains), then the sink, converter, cloud.
    for (Child child : new Child[] {edge, sink, converter, cloud}) {
      if (child != null && child.alive()) {
        if (child == cloud) {
          child.signal("CONT");
        }
        child.stop(Duration.ofSeconds(15));
      }
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port", e);
    }
  }

  static Path resource(String name) throws URISyntaxException {
    return Path.of(Stack.class.getResource(name).toURI());
  }
}
