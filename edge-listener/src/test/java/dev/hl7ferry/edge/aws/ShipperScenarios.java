package dev.hl7ferry.edge.aws;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hl7ferry.contract.envelope.InboundEnvelope;
import dev.hl7ferry.edge.TestMessages;
import dev.hl7ferry.edge.ship.Await;
import dev.hl7ferry.edge.ship.Encryption;
import dev.hl7ferry.edge.ship.InMemorySpool;
import dev.hl7ferry.edge.ship.ShipListener;
import dev.hl7ferry.edge.ship.ShipSettings;
import dev.hl7ferry.edge.ship.ShipSettingsBuilder;
import dev.hl7ferry.edge.ship.ShipThreads;
import dev.hl7ferry.edge.ship.Shipment;
import dev.hl7ferry.edge.ship.Shipper;
import dev.hl7ferry.edge.spool.IncomingMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The shipper's scenarios against a real S3 + SQS implementation: the local cloud in every build,
 * LocalStack where Docker runs. Each test gets fresh queues.
 */
abstract class ShipperScenarios {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final AtomicInteger QUEUES = new AtomicInteger();

  protected abstract CloudUnderTest cloud();

  private final InMemorySpool spool = new InMemorySpool();
  private final AtomicInteger retries = new AtomicInteger();
  private final List<Shipper> shippers = new ArrayList<>();
  private AwsClients clients;
  private String site;

  @BeforeEach
  void clients() {
    clients = AwsClients.create(cloud().settings(), cloud().credentials());
    site = "site-" + QUEUES.incrementAndGet();
  }

  @AfterEach
  void stopShippers() {
    shippers.forEach(Shipper::stop);
    clients.close();
  }

  private String queue(boolean fifo) {
    String name = site + "-inbound" + (fifo ? ".fifo" : "");
    Map<QueueAttributeName, String> attributes =
        fifo ? Map.of(QueueAttributeName.FIFO_QUEUE, "true") : Map.of();
    return clients.sqs().createQueue(b -> b.queueName(name).attributes(attributes)).queueUrl();
  }

  private ShipSettings settings(String queueUrl) {
    return ShipSettingsBuilder.defaults(site, cloud().bucket(), queueUrl)
        .encryption(Encryption.KMS, cloud().realKms() ? "" : "alias/hl7-ferry-edge")
        .backoff(Duration.ofMillis(50), Duration.ofMillis(500))
        .build();
  }

  private Shipper start(ShipSettings settings) {
    ShipListener listener =
        new ShipListener() {
          @Override
          public void retrying(int count, int failures, Duration retryIn, String reason) {
            retries.incrementAndGet();
          }
        };
    Shipper shipper =
        AwsShipping.shipper(spool, settings, cloud().settings(), cloud().credentials(), listener);
    shippers.add(shipper);
    shipper.start();
    return shipper;
  }

  private List<String> add(String facility, int from, int count, int size) {
    List<String> ids = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      ids.add(spool.add(TestMessages.oru(facility, i, size)));
    }
    return ids;
  }

  /** Receives (and deletes) envelopes until {@code expected} arrived and a pause brings no more. */
  private List<InboundEnvelope> drain(String queueUrl, int expected) {
    List<InboundEnvelope> out = new ArrayList<>();
    long deadline = System.nanoTime() + WAIT.toNanos();
    int emptyPolls = 0;
    while (System.nanoTime() < deadline && (out.size() < expected || emptyPolls < 1)) {
      List<Message> got =
          clients
              .sqs()
              .receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
              .messages();
      if (got.isEmpty()) {
        emptyPolls++;
      }
      for (Message m : got) {
        out.add(Shipment.parseEnvelope(m.body()));
        clients.sqs().deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
      }
    }
    return out;
  }

  private static List<String> ids(List<InboundEnvelope> envelopes) {
    return envelopes.stream().map(InboundEnvelope::id).toList();
  }

  /** Every entry a claim check (inline 0): the per-message object path. */
  private ShipSettings claimChecks(String queueUrl) {
    return ShipSettingsBuilder.from(settings(queueUrl)).inline(0).build();
  }

  @Test
  void entriesArriveOnceInReceiveOrderWithTheirPayloadsInS3() {
    String queueUrl = queue(true);
    List<String> ids = add("NORTH", 0, 150, 1000);
    start(claimChecks(queueUrl));

    Await.until(WAIT, "all shipped", () -> spool.unshippedCount() == 0);
    List<InboundEnvelope> envelopes = drain(queueUrl, ids.size());

    assertEquals(ids, ids(envelopes));
    InboundEnvelope first = envelopes.get(0);
    IncomingMessage sent = spool.all().get(0).message();
    byte[] stored =
        clients.s3().getObjectAsBytes(b -> b.bucket(first.bucket()).key(first.key())).asByteArray();
    assertArrayEquals(sent.payload(), stored);
    HeadObjectResponse head =
        clients.s3().headObject(b -> b.bucket(first.bucket()).key(first.key()));
    assertEquals(first.sha256(), head.metadata().get("sha256"));
    assertEquals("CTL0", head.metadata().get("control-id"));
    assertEquals("ORU^R01^ORU_R01", head.metadata().get("message-type"));
    assertEquals("UTF-8", head.metadata().get("charset"));
    assertEquals(ServerSideEncryption.AWS_KMS, head.serverSideEncryption());
  }

  @Test
  void aStandardQueueGetsEveryEntry() {
    String queueUrl = queue(false);
    List<String> ids = add("NORTH", 0, 60, 500);
    start(settings(queueUrl));

    Await.until(WAIT, "all shipped", () -> spool.unshippedCount() == 0);

    assertEquals(
        ids.stream().sorted().toList(),
        ids(drain(queueUrl, ids.size())).stream().sorted().toList());
  }

  @Test
  void whileTheCloudIsDownNothingShipsAndAfterwardsAllDrainInOrder() {
    String queueUrl = queue(true);
    List<String> before = add("NORTH", 0, 20, 800);
    start(settings(queueUrl));
    Await.until(WAIT, "first entries shipped", () -> spool.unshippedCount() == 0);
    List<InboundEnvelope> shippedBefore = drain(queueUrl, before.size());

    cloud().down();
    List<String> during = add("NORTH", 20, 200, 800);
    Await.until(WAIT, "retries during the outage", () -> retries.get() >= 3);
    assertEquals(200, spool.unshippedCount());
    cloud().up();
    queue(true);

    Await.until(WAIT, "backlog shipped", () -> spool.unshippedCount() == 0);
    assertEquals(before, ids(shippedBefore));
    assertEquals(during, ids(drain(queueUrl, during.size())));
  }

  @Test
  void aCrashBetweenPutObjectAndSendMessageLeavesNoDuplicate() throws Exception {
    String queueUrl = queue(true);
    ShipSettings settings = claimChecks(queueUrl);
    List<String> ids = add("NORTH", 0, 30, 700);
    // First life: payloads stored, then the process dies before any envelope is sent.
    AwsClients firstLife = AwsClients.create(cloud().settings(), cloud().credentials());
    Shipper crashing =
        new Shipper(
            spool,
            new S3PayloadStore(firstLife.s3(), settings),
            batch -> {
              throw new dev.hl7ferry.edge.ship.ShipException("process killed");
            },
            settings,
            ShipThreads.of(settings),
            new ShipListener() {
              @Override
              public void retrying(int count, int failures, Duration retryIn, String reason) {
                retries.incrementAndGet();
              }
            },
            java.time.Clock.systemUTC(),
            firstLife);
    shippers.add(crashing);
    crashing.start();
    Await.until(WAIT, "payloads stored, send failed", () -> retries.get() >= 1);
    crashing.stop();
    // Second life: one more crash after the sends but before the entries are marked shipped.
    spool.failNextMarks.set(1);
    start(settings);

    Await.until(WAIT, "all shipped", () -> spool.unshippedCount() == 0);

    assertEquals(ids, ids(drain(queueUrl, ids.size())));
    String prefix = "inbound/" + site + "/";
    assertEquals(
        30, clients.s3().listObjectsV2(b -> b.bucket(cloud().bucket()).prefix(prefix)).keyCount());
  }

  @Test
  void aFifoQueueDropsAnEntryShippedTwice() {
    String queueUrl = queue(true);
    List<String> ids = add("NORTH", 0, 12, 300);
    Shipper shipper = start(settings(queueUrl));
    Await.until(WAIT, "all shipped", () -> spool.unshippedCount() == 0);

    assertEquals(12, shipper.replay(TestMessages.RECEIVED));
    Await.until(WAIT, "all re-shipped", () -> spool.unshippedCount() == 0);

    assertEquals(ids, ids(drain(queueUrl, ids.size())));
  }

  @Test
  void aFiveMebibyteMessageTravelsThroughS3() {
    String queueUrl = queue(true);
    String id = add("NORTH", 0, 1, 5 * 1024 * 1024).get(0);
    start(settings(queueUrl));

    Await.until(WAIT, "shipped", () -> spool.unshippedCount() == 0);
    InboundEnvelope envelope = drain(queueUrl, 1).get(0);

    assertEquals(id, envelope.id());
    assertTrue(envelope.size() >= 5 * 1024 * 1024);
    byte[] stored =
        clients
            .s3()
            .getObjectAsBytes(b -> b.bucket(envelope.bucket()).key(envelope.key()))
            .asByteArray();
    assertArrayEquals(spool.all().get(0).message().payload(), stored);
  }

  @Test
  void ackAfterCloudWaitsForBothConfirmations() throws Exception {
    String queueUrl = queue(true);
    Shipper shipper = start(settings(queueUrl));
    cloud().down();
    String id = add("NORTH", 0, 1, 400).get(0);
    shipper.wake();
    CompletableFuture<Void> confirmed = shipper.whenShipped(id);
    Await.until(WAIT, "a failed attempt", () -> retries.get() >= 1);
    assertFalse(confirmed.isDone());

    cloud().up();
    queue(true);

    confirmed.get(60, TimeUnit.SECONDS);
    assertEquals(List.of(id), ids(drain(queueUrl, 1)));
  }
}
