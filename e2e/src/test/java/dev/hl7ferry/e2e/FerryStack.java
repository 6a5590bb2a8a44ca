package dev.hl7ferry.e2e;

import dev.hl7ferry.edge.client.AckReply;
import dev.hl7ferry.edge.config.ConfigLoader;
import dev.hl7ferry.edge.server.EdgeComponent;
import dev.hl7ferry.edge.server.EdgeServer;
import dev.hl7ferry.edge.spool.SpoolStats;
import dev.hl7ferry.edge.spool.SpoolView;
import dev.hl7ferry.infra.local.LocalCloud;
import dev.hl7ferry.infra.local.LocalCloudConfig;
import dev.hl7ferry.infra.local.aws.TemplateSeeder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The whole product in this JVM, all real, on loopback ports and temp dirs: the local cloud, the
 * converter (its Lambda handler driven by its local poller), MLLP sinks standing in for hospital
 * systems, and the edge shipping to the cloud and delivering to the sinks. See e2e/README.md.
 *
 * <pre>{@code
 * try (FerryStack stack = FerryStack.builder().sink("lis").sink("ris").start()) {
 *   List<AckReply> acks = stack.send(List.of(Hl7.oru("C1", "LAB")));
 *   Await.until(Duration.ofSeconds(30), "delivered", () -> stack.sink("lis").count() == 1);
 * }
 * }</pre>
 */
public final class FerryStack implements AutoCloseable {
  /** The site the edge ships as and the cloud has an outbound queue for. */
  public static final String SITE = "e2e";

  private final Path dir;
  private final boolean ownsDir;
  private final Map<String, Sink> sinks;
  private final Map<String, Object> edgeKeys;
  private LocalCloudConfig cloudConfig;
  private LocalCloud cloud;
  private LocalConverter converter;
  private EdgeServer edge;
  private int mllpPort;

  private FerryStack(Builder b, Path dir, boolean ownsDir) {
    this.dir = dir;
    this.ownsDir = ownsDir;
    this.sinks = new LinkedHashMap<>();
    b.sinks.forEach(name -> sinks.put(name, new Sink(name, dir.resolve("sink").resolve(name))));
    this.edgeKeys = new LinkedHashMap<>(b.edgeKeys);
  }

  /** A stack to configure, then {@link Builder#start()}. */
  public static Builder builder() {
    return new Builder();
  }

  private void start(Path templates) throws Exception {
    cloud =
        LocalCloud.start(
            LocalCloudConfig.defaults()
                .withSites(List.of(SITE))
                .withS3DataDir(dir.resolve("cloud-s3")));
    // Fixed from now on, so a restarted cloud comes back where the edge and converter look.
    cloudConfig = cloud.config().withPorts(cloud.s3Port(), cloud.sqsPort());
    System.setProperty("aws.accessKeyId", cloud.accessKeyId());
    System.setProperty("aws.secretAccessKey", cloud.secretAccessKey());
    TemplateSeeder.seed(cloud, templates);
    converter = LocalConverter.start(cloud);
    for (Sink sink : sinks.values()) {
      sink.start();
    }
    edge = EdgeComponent.of(new ConfigLoader().load(null, edgeConfig())).server();
    mllpPort = edge.start().getPort();
  }

  private Map<String, Object> edgeConfig() {
    Map<String, Object> keys = new LinkedHashMap<>();
    keys.put("listener.port", 0);
    keys.put("listener.bindAddress", "127.0.0.1");
    keys.put("spool.dataDir", dir.resolve("edge").toString());
    keys.put("cloud.region", cloud.region());
    keys.put("cloud.s3Endpoint", cloud.s3Endpoint().toString());
    keys.put("cloud.sqsEndpoint", cloud.sqsEndpoint().toString());
    keys.put("cloud.pathStyle", true);
    keys.put("cloud.requestTimeoutSeconds", 5);
    keys.put("ship.enabled", true);
    keys.put("ship.site", SITE);
    keys.put("ship.bucket", cloud.bucket());
    keys.put("ship.queueUrl", cloud.inboundQueueUrl());
    keys.put("ship.encryption", "none");
    keys.put("ship.initialBackoffMillis", 100);
    keys.put("ship.maxBackoffMillis", 1_000);
    keys.put("outbound.queueUrl", cloud.outboundQueueUrl(SITE));
    keys.put("outbound.receiptsQueueUrl", cloud.receiptsQueueUrl());
    keys.put("outbound.initialBackoffMillis", 100);
    keys.put("outbound.maxBackoffMillis", 1_000);
    for (Sink sink : sinks.values()) {
      Map<String, Object> destination = new LinkedHashMap<>();
      destination.put("type", "mllp");
      destination.put("host", "127.0.0.1");
      destination.put("port", sink.port());
      destination.put("connectTimeoutMillis", 1_000);
      destination.put("ackTimeoutMillis", 5_000);
      keys.put("outbound.destinations." + sink.destination(), destination);
    }
    keys.putAll(edgeKeys);
    return keys;
  }

  /** The edge's MLLP port on 127.0.0.1. */
  public int mllpPort() {
    return mllpPort;
  }

  /**
   * Sends each message on one new connection, in order, waiting for each ACK; returns the ACKs in
   * the same order.
   */
  public List<AckReply> send(List<byte[]> messages) throws IOException {
    return MllpSender.sendAll(mllpPort, messages);
  }

  /** The sink standing in for {@code destination} (as named by the routes). */
  public Sink sink(String destination) {
    Sink sink = sinks.get(destination);
    if (sink == null) {
      throw new IllegalArgumentException("no sink named " + destination + " in this stack");
    }
    return sink;
  }

  /** The local cloud now running (a new object after {@link #startCloud()}). */
  public LocalCloud cloud() {
    if (cloud == null) {
      throw new IllegalStateException("the cloud is stopped");
    }
    return cloud;
  }

  /**
   * Stops S3 and SQS. Queues are in memory: whatever they hold is gone, as if the cloud lost it; S3
   * objects (templates, payloads, outputs) are kept on disk. The edge and the converter keep
   * running and retry.
   */
  public void stopCloud() {
    cloud().close();
    cloud = null;
  }

  /** Starts the cloud again on the same ports, with empty queues and the same S3 objects. */
  public void startCloud() {
    if (cloud != null) {
      throw new IllegalStateException("the cloud is running");
    }
    cloud = LocalCloud.start(cloudConfig);
  }

  /**
   * Counts of the edge's local outbound store: {@code received()} outputs wait for delivery, {@code
   * shipped()} were delivered, {@code quarantined()} were dead-lettered.
   */
  public SpoolStats outboundStore() {
    try (SpoolView view = SpoolView.open(dir.resolve("edge").resolve("outbound"))) {
      return view.stats();
    }
  }

  /** Counts of the edge's inbound spool: {@code received()} messages are not shipped yet. */
  public SpoolStats inboundSpool() {
    try (SpoolView view = SpoolView.open(dir.resolve("edge"))) {
      return view.stats();
    }
  }

  /** The stack's directory: {@code edge/} (spool, outbound store), {@code sink/}, cloud-s3/. */
  public Path dir() {
    return dir;
  }

  /** Stops the edge, the sinks, the converter and the cloud; deletes a directory it created. */
  @Override
  public void close() {
    if (edge != null) {
      edge.close();
    }
    sinks.values().forEach(Sink::stop);
    if (converter != null) {
      converter.close();
    }
    if (cloud != null) {
      cloud.close();
      cloud = null;
    }
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
    if (ownsDir) {
      deleteTree(dir);
    }
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + root, e);
    }
  }

  /** What to start: sinks by destination name, extra edge settings, the template store. */
  public static final class Builder {
    private final List<String> sinks = new ArrayList<>();
    private final Map<String, Object> edgeKeys = new LinkedHashMap<>();
    private Path templates;
    private Path dir;

    private Builder() {}

    /** An MLLP sink for {@code destination}, and the edge's outbound destination pointing at it. */
    public Builder sink(String destination) {
      sinks.add(destination);
      return this;
    }

    /**
     * An edge setting as a dotted key over the stack's own ({@code ship.fetchSize}, {@code
     * outbound.waitTimeSeconds}, ...), as {@code ferry-edge run}'s YAML would set it.
     */
    public Builder edge(String dottedKey, Object value) {
      edgeKeys.put(dottedKey, value);
      return this;
    }

    /** The template store (routes.yaml and templates); default: e2e's test store. */
    public Builder templates(Path folder) {
      this.templates = folder;
      return this;
    }

    /** Where the stack keeps its files (kept after close); default: a temp dir, deleted. */
    public Builder dir(Path folder) {
      this.dir = folder;
      return this;
    }

    /** Starts cloud, converter, sinks and edge, in that order; returns once all are ready. */
    public FerryStack start() throws Exception {
      Path store = templates != null ? templates : defaultStore();
      boolean owns = dir == null;
      Path root = owns ? Files.createTempDirectory("ferry-stack") : dir;
      FerryStack stack = new FerryStack(this, root, owns);
      try {
        stack.start(store);
      } catch (Exception | Error e) {
        try {
          stack.close();
        } catch (RuntimeException closing) {
          e.addSuppressed(closing);
        }
        throw e;
      }
      return stack;
    }

    private static Path defaultStore() throws URISyntaxException {
      return Path.of(FerryStack.class.getResource("/store/routes.yaml").toURI()).getParent();
    }
  }
}
