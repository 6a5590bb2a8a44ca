package dev.hl7ferry.edge.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hl7ferry.contract.envelope.InboundEnvelope;
import dev.hl7ferry.edge.client.AckReply;
import dev.hl7ferry.edge.client.MllpClient;
import dev.hl7ferry.edge.config.ConfigLoader;
import dev.hl7ferry.edge.config.EdgeConfig;
import dev.hl7ferry.edge.ship.Await;
import dev.hl7ferry.edge.ship.Shipment;
import dev.hl7ferry.edge.spool.SpoolSettings;
import dev.hl7ferry.edge.spool.SqliteSpool;
import dev.hl7ferry.infra.local.LocalCloud;
import dev.hl7ferry.infra.local.LocalCloudConfig;
import dev.hl7ferry.infra.local.aws.LocalClients;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The edge as {@code ferry-edge run} builds it ({@link EdgeComponent}, SQLite spool, port 0) with
 * shipping on, against the local cloud, which a test can stop and restart on the same ports.
 * Credentials reach the SDK's default chain as system properties, as they would from the
 * environment.
 */
class CloudHandoffEndToEndTest {
  private static LocalCloudConfig cloudConfig;
  private static LocalCloud cloud;

  @TempDir Path dataDir;
  private EdgeServer server;
  private int port;

  @BeforeAll
  static void startCloud() {
    cloud = LocalCloud.start(LocalCloudConfig.defaults());
    cloudConfig = cloud.config().withPorts(cloud.s3Port(), cloud.sqsPort());
    System.setProperty("aws.accessKeyId", cloud.accessKeyId());
    System.setProperty("aws.secretAccessKey", cloud.secretAccessKey());
  }

  @AfterAll
  static void stopCloud() {
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
    if (cloud != null) {
      cloud.close();
    }
  }

  @BeforeEach
  void emptyQueue() {
    try (SqsClient sqs = LocalClients.sqs(cloud)) {
      sqs.purgeQueue(b -> b.queueUrl(cloud.inboundQueueUrl()));
    }
  }

  @AfterEach
  void stopEdge() {
    if (server != null) {
      server.close();
    }
    if (cloud == null) {
      cloud = LocalCloud.start(cloudConfig); // a test left it down
    }
  }

  private void startEdge(String ackAfter, int ackTimeoutSeconds) throws Exception {
    server = EdgeComponent.of(config(ackAfter, ackTimeoutSeconds, Map.of())).server();
    port = server.start().getPort();
  }

  private EdgeConfig config(String ackAfter, int ackTimeoutSeconds, Map<String, Object> more)
      throws Exception {
    Map<String, Object> keys = new LinkedHashMap<>();
    keys.put("listener.port", 0);
    keys.put("listener.bindAddress", "127.0.0.1");
    keys.put("spool.dataDir", dataDir.toString());
    keys.put("cloud.region", cloud.region());
    keys.put("cloud.s3Endpoint", cloud.s3Endpoint().toString());
    keys.put("cloud.sqsEndpoint", cloud.sqsEndpoint().toString());
    keys.put("cloud.pathStyle", true);
    keys.put("cloud.requestTimeoutSeconds", 2);
    keys.put("ship.enabled", true);
    keys.put("ship.site", "north");
    keys.put("ship.bucket", cloud.bucket());
    keys.put("ship.queueUrl", cloud.inboundQueueUrl());
    keys.put("ship.encryption", "none");
    keys.put("ship.initialBackoffMillis", 50);
    keys.put("ship.maxBackoffMillis", 300);
    keys.put("ship.ackAfter", ackAfter);
    keys.put("ship.ackTimeoutSeconds", ackTimeoutSeconds);
    // Every message a claim check, so that "in S3" is checkable per message.
    keys.put("ship.inlineMaxBytes", 0);
    keys.putAll(more);
    return new ConfigLoader().load(null, keys);
  }

  private static byte[] message(String controlId) {
    return ("MSH|^~\\&|LAB|NORTH|FERRY|CLOUD|20260101120000||ORU^R01^ORU_R01|"
            + controlId
            + "|P|2.5.1\rPID|1||100\rOBX|1|TX|||result "
            + controlId
            + "\r")
        .getBytes(StandardCharsets.ISO_8859_1);
  }

  private static void cloudDown() {
    cloud.close();
    cloud = null;
  }

  private static void cloudUp() {
    cloud = LocalCloud.start(cloudConfig);
  }

  /** Envelopes now in the inbound queue (received and deleted), in queue order. */
  private static List<InboundEnvelope> drainQueue(int atLeast, Duration within) throws Exception {
    List<InboundEnvelope> envelopes = new ArrayList<>();
    long deadline = System.nanoTime() + within.toNanos();
    try (SqsClient sqs = LocalClients.sqs(cloud)) {
      while (envelopes.size() < atLeast && System.nanoTime() < deadline) {
        List<Message> batch =
            sqs.receiveMessage(
                    b ->
                        b.queueUrl(cloud.inboundQueueUrl())
                            .maxNumberOfMessages(10)
                            .waitTimeSeconds(1))
                .messages();
        for (Message m : batch) {
          envelopes.add(Shipment.parseEnvelope(m.body()));
          sqs.deleteMessage(
              b -> b.queueUrl(cloud.inboundQueueUrl()).receiptHandle(m.receiptHandle()));
        }
      }
    }
    return envelopes;
  }

  private static boolean inS3(String key) {
    try (S3Client s3 = LocalClients.s3(cloud)) {
      s3.headObject(b -> b.bucket(cloud.bucket()).key(key));
      return true;
    } catch (software.amazon.awssdk.services.s3.model.NoSuchKeyException e) {
      return false;
    }
  }

  @Test
  void ackAfterCloudAnswersAaOnlyOnceTheObjectIsInS3AndTheEnvelopeInSqs() throws Exception {
    startEdge("cloud", 20);
    AckReply ack;
    try (MllpClient client = MllpClient.connect("127.0.0.1", port, Duration.ofSeconds(30))) {
      client.send(message("CLOUD1"));
      ack = AckReply.parse(client.receive());
    }
    assertEquals("AA", ack.code());
    // Checked right after the AA: both were there when it was sent.
    List<InboundEnvelope> queued = drainQueue(1, Duration.ofSeconds(2));
    assertEquals(1, queued.size());
    assertEquals("CLOUD1", queued.get(0).controlId());
    assertTrue(inS3(queued.get(0).key()), "payload in S3 before the AA");
  }

  @Test
  void withTheCloudDownAckAfterCloudAnswersArWithError207AndTheMessageShipsLater()
      throws Exception {
    startEdge("cloud", 2);
    cloudDown();
    try (MllpClient client = MllpClient.connect("127.0.0.1", port, Duration.ofSeconds(30))) {
      long start = System.nanoTime();
      client.send(message("DOWN1"));
      AckReply ack = AckReply.parse(client.receive());
      long waitedMillis = (System.nanoTime() - start) / 1_000_000;
      assertEquals("AR", ack.code());
      assertTrue(ack.error().contains("207"), ack.error());
      assertTrue(waitedMillis >= 1_900, "answered after the 2 s timeout, took " + waitedMillis);
      cloudUp();
      List<InboundEnvelope> queued = drainQueue(1, Duration.ofSeconds(20));
      assertEquals(List.of("DOWN1"), queued.stream().map(InboundEnvelope::controlId).toList());
      assertTrue(inS3(queued.get(0).key()));
      // The sender's resend is the stored duplicate: accepted at once.
      client.send(message("DOWN1"));
      assertEquals("AA", AckReply.parse(client.receive()).code());
    }
  }

  @Test
  void withAckAfterSpoolTheEdgeKeepsAckingWhileTheCloudIsDownAndDrainsInOrderAfterwards()
      throws Exception {
    startEdge("spool", 30);
    cloudDown();
    List<String> sent = new ArrayList<>();
    try (MllpClient client = MllpClient.connect("127.0.0.1", port, Duration.ofSeconds(10))) {
      for (int i = 0; i < 30; i++) {
        String controlId = "SPOOL" + i;
        client.send(message(controlId));
        AckReply ack = AckReply.parse(client.receive());
        assertEquals("AA", ack.code(), controlId);
        sent.add(controlId);
      }
    }
    Thread.sleep(500); // a few failed rounds against the stopped cloud
    cloudUp();
    List<InboundEnvelope> queued = drainQueue(sent.size(), Duration.ofSeconds(30));
    assertEquals(sent, queued.stream().map(InboundEnvelope::controlId).toList());
    for (InboundEnvelope e : queued) {
      assertTrue(inS3(e.key()), e.key());
    }
  }

  @Test
  void shippedEntriesArePrunedOnceTheConfiguredRetentionPassed() throws Exception {
    EdgeConfig config =
        config("spool", 30, Map.of("ship.retentionHours", 1, "ship.pruneIntervalSeconds", 1));
    MovableClock clock = new MovableClock();
    SqliteSpool spool = SqliteSpool.open(SpoolSettings.of(dataDir, 1L << 30, 1000));
    server = DaggerTestEdgeComponent.factory().create(config, spool, clock).server();
    port = server.start().getPort();
    try (MllpClient client = MllpClient.connect("127.0.0.1", port, Duration.ofSeconds(10))) {
      client.send(message("PRUNE1"));
      assertEquals("AA", AckReply.parse(client.receive()).code());
    }
    Await.until(Duration.ofSeconds(20), "shipped", () -> spool.stats().shipped() == 1);
    clock.advance(Duration.ofMinutes(59));
    Thread.sleep(1_500);
    assertEquals(1, spool.stats().shipped(), "kept within the retention");
    clock.advance(Duration.ofMinutes(2));
    Await.until(Duration.ofSeconds(10), "pruned", () -> spool.stats().total() == 0);
  }

  /** The wall clock plus an offset the test moves forward. */
  private static final class MovableClock extends Clock {
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    void advance(Duration by) {
      offset.updateAndGet(d -> d.plus(by));
    }

    @Override
    public Instant instant() {
      return Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }
}
