package dev.hl7ferry.edge.aws;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hl7ferry.contract.envelope.InboundEnvelope;
import dev.hl7ferry.edge.TestMessages;
import dev.hl7ferry.edge.ship.ArchiveIndex;
import dev.hl7ferry.edge.ship.Await;
import dev.hl7ferry.edge.ship.InMemorySpool;
import dev.hl7ferry.edge.ship.ShipListener;
import dev.hl7ferry.edge.ship.ShipSettings;
import dev.hl7ferry.edge.ship.ShipSettingsBuilder;
import dev.hl7ferry.edge.ship.Shipment;
import dev.hl7ferry.edge.ship.Shipper;
import dev.hl7ferry.edge.spool.EntryState;
import dev.hl7ferry.edge.spool.IncomingMessage;
import dev.hl7ferry.edge.spool.SpoolEntry;
import dev.hl7ferry.edge.spool.SpoolSettings;
import dev.hl7ferry.edge.spool.SqliteSpool;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Envelope version 2 shipping against a real S3 + SQS implementation: inline payloads, the batch
 * archive, quarantine of entries the queue refuses for good, outages that never quarantine. Run by
 * the local cloud and LocalStack test classes as a nested class. Each test gets fresh queues.
 */
abstract class ShippingScenarios {

  static final Duration WAIT = Duration.ofSeconds(30);
  private static final AtomicInteger SITES = new AtomicInteger();

  protected abstract CloudUnderTest cloud();

  final InMemorySpool spool = new InMemorySpool();
  final AtomicInteger retries = new AtomicInteger();
  final List<String> quarantined = new CopyOnWriteArrayList<>();
  private final List<Shipper> shippers = new ArrayList<>();
  AwsClients clients;
  String site;

  @BeforeEach
  void clients() {
    clients = AwsClients.create(cloud().settings(), cloud().credentials());
    site = "v2-" + SITES.incrementAndGet() + "-" + ProcessHandle.current().pid();
  }

  @AfterEach
  void stopShippers() {
    shippers.forEach(Shipper::stop);
    clients.close();
  }

  String queue() {
    return clients
        .sqs()
        .createQueue(
            b ->
                b.queueName(site + "-inbound.fifo")
                    .attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true")))
        .queueUrl();
  }

  ShipSettings settings(String queueUrl) {
    return ShipSettingsBuilder.defaults(site, cloud().bucket(), queueUrl)
        .encryption(dev.hl7ferry.edge.ship.Encryption.NONE, "")
        .backoff(Duration.ofMillis(50), Duration.ofMillis(300))
        .build();
  }

  Shipper start(ShipSettings settings) {
    ShipListener listener =
        new ShipListener() {
          @Override
          public void retrying(int count, int failures, Duration retryIn, String reason) {
            retries.incrementAndGet();
          }

          @Override
          public void quarantined(String entryId, String reason) {
            quarantined.add(entryId);
          }
        };
    Shipper shipper =
        AwsShipping.shipper(spool, settings, cloud().settings(), cloud().credentials(), listener);
    shippers.add(shipper);
    shipper.start();
    return shipper;
  }

  /** Receives (and deletes) envelopes until {@code expected} arrived and a pause brings no more. */
  List<InboundEnvelope> drain(String queueUrl, int expected) {
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

  List<String> keys(String prefix) {
    return clients
        .s3()
        .listObjectsV2Paginator(b -> b.bucket(cloud().bucket()).prefix(prefix))
        .contents()
        .stream()
        .map(S3Object::key)
        .toList();
  }

  static List<String> ids(List<InboundEnvelope> envelopes) {
    return envelopes.stream().map(InboundEnvelope::id).toList();
  }

  @Test
  void smallMessagesTravelInlineAndTheRoundArchiveFindsEachOneAgain() {
    String queueUrl = queue();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      ids.add(spool.add(TestMessages.oru("NORTH", i, 1000)));
    }
    start(settings(queueUrl));

    Await.until(WAIT, "all shipped", () -> spool.unshippedCount() == 0);
    List<InboundEnvelope> envelopes = drain(queueUrl, ids.size());

    assertEquals(ids, ids(envelopes));
    InboundEnvelope first = envelopes.get(0);
    assertTrue(first.inline());
    first.verify(first.payload());
    assertArrayEquals(spool.all().get(0).message().payload(), first.payload());
    assertEquals(List.of(), keys("inbound/" + site + "/"), "no per-message object");
    List<String> archive = keys("archive/" + site + "/");
    List<String> indexes = archive.stream().filter(k -> k.endsWith(".index.json")).toList();
    assertEquals(1, indexes.size(), "one round, one archive: " + archive);
    assertEquals(2, archive.size());
    S3ArchiveReader reader = new S3ArchiveReader(clients.s3(), cloud().bucket());
    SpoolEntry some = spool.all().get(27);
    byte[] found = reader.read(indexes.get(0), some.id()).orElseThrow();
    assertArrayEquals(some.message().payload(), found);
    assertEquals(40, reader.index(indexes.get(0)).entries().size());
  }

  @Test
  void aBodyOfExactly64KibIsInlineAndOneOfOneByteMoreIsAClaimCheck() {
    String queueUrl = queue();
    ShipSettings settings = settings(queueUrl);
    IncomingMessage exactly = withBodyLength(settings, 65_536, "A");
    IncomingMessage over = withBodyLength(settings, 65_537, "B");
    String exactlyId = spool.add(exactly);
    String overId = spool.add(over);
    start(settings);

    Await.until(WAIT, "shipped", () -> spool.unshippedCount() == 0);
    List<InboundEnvelope> envelopes = drain(queueUrl, 2);

    assertEquals(List.of(exactlyId, overId), ids(envelopes));
    assertTrue(envelopes.get(0).inline(), "a 65,536-byte body is sent inline and accepted");
    assertArrayEquals(exactly.payload(), envelopes.get(0).payload());
    assertFalse(envelopes.get(1).inline());
    byte[] stored =
        clients
            .s3()
            .getObjectAsBytes(b -> b.bucket(cloud().bucket()).key(envelopes.get(1).key()))
            .asByteArray();
    assertArrayEquals(over.payload(), stored);
  }

  /** A message whose inline envelope body is exactly {@code bodyBytes} long. */
  private IncomingMessage withBodyLength(ShipSettings settings, int bodyBytes, String tag) {
    ShipSettings measure = ShipSettingsBuilder.from(settings).inline(1_048_576).build();
    for (int size = 48_000; size < 49_200; size++) {
      for (int pad = 0; pad < 4; pad++) {
        IncomingMessage m = TestMessages.sized(tag + "x".repeat(pad), size);
        InMemorySpool scratch = new InMemorySpool();
        scratch.add(m);
        String body = Shipment.of(scratch.unshipped(0, 1).get(0), measure).body();
        if (body.getBytes(StandardCharsets.UTF_8).length == bodyBytes) {
          return m;
        }
      }
    }
    throw new AssertionError("no message with a body of " + bodyBytes + " bytes");
  }

  @Test
  void anEnvelopeTheQueueRefusesForGoodIsQuarantinedAndTheLineMovesOn() {
    String queueUrl = queue();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      ids.add(spool.add(i == 4 ? refusedBySqs(i) : TestMessages.oru("NORTH", i, 600)));
    }
    Shipper shipper = start(ShipSettingsBuilder.from(settings(queueUrl)).maxAttempts(2).build());

    Await.until(WAIT, "the rest shipped", () -> spool.unshippedCount() == 0);

    assertEquals(List.of(ids.get(4)), quarantined);
    SpoolEntry e = spool.all().get(4);
    assertEquals(EntryState.QUARANTINED, e.state());
    // SQS and LocalStack refuse the entry (InvalidMessageContents, sender fault); ElasticMQ's
    // JSON protocol refuses the whole call (HTTP 400 InvalidAction), which is then split.
    assertTrue(
        e.reason().contains("InvalidMessageContents") || e.reason().contains("HTTP 400"),
        e.reason());
    assertFalse(e.reason().contains("PID"), "codes only, no content: " + e.reason());
    List<String> expected = new ArrayList<>(ids);
    expected.remove(4);
    assertEquals(expected, ids(drain(queueUrl, expected.size())));

    // Retried: the running shipper finds it behind its cursor, the queue refuses it again.
    assertTrue(spool.release(ids.get(4)));
    shipper.wake();
    Await.until(WAIT, "quarantined again", () -> quarantined.size() == 2);
    assertEquals(EntryState.QUARANTINED, spool.all().get(4).state());
  }

  /**
   * U+FFFF in MSH-10: valid UTF-8 that the sender may send, copied into the envelope, and outside
   * the characters SQS (and ElasticMQ) accept in a message body: refused per entry, sender fault.
   */
  private static IncomingMessage refusedBySqs(int n) {
    IncomingMessage m = TestMessages.oru("NORTH", n, 600);
    return new IncomingMessage(
        m.payload(),
        m.charset(),
        m.sendingApplication(),
        m.sendingFacility(),
        m.receivingApplication(),
        m.receivingFacility(),
        m.messageType(),
        "CTL\uFFFF" + n,
        m.processingId(),
        m.versionId(),
        m.peer(),
        m.receivedAt());
  }

  @Test
  void anOutageOfManyRoundsQuarantinesNothing() {
    String queueUrl = queue();
    ShipSettings settings = ShipSettingsBuilder.from(settings(queueUrl)).maxAttempts(1).build();
    start(settings);
    cloud().down();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      ids.add(spool.add(TestMessages.oru("NORTH", i, 700)));
    }
    Await.until(WAIT, "several failed rounds", () -> retries.get() >= 5);
    int whileDown = retries.get();
    cloud().up();
    // The local cloud comes back without the queue (QueueDoesNotExist: not the entries' fault).
    Await.until(
        WAIT,
        "a round after the cloud is back",
        () -> retries.get() > whileDown || spool.unshippedCount() == 0);
    queue();

    Await.until(WAIT, "all shipped", () -> spool.unshippedCount() == 0);
    assertEquals(List.of(), quarantined);
    assertEquals(ids, ids(drain(queueUrl, ids.size())));
    assertNotNull(spool.all().get(0).shippedAt());
  }

  @Test
  void aKillBetweenTheArchivePutAndTheSendLosesNothingAndSendsNothingTwice(@TempDir Path dir)
      throws Exception {
    String queueUrl = queue();
    List<String> ids = new ArrayList<>();
    try (SqliteSpool spool = SqliteSpool.open(SpoolSettings.of(dir, 1L << 30, 100_000))) {
      for (int i = 0; i < 25; i++) {
        ids.add(spool.store(TestMessages.oru("NORTH", i, 900)).join().id());
      }
    }
    var credentials = cloud().credentials().resolveCredentials();
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty(
                    "surefire.test.class.path", System.getProperty("java.class.path")),
                ArchiveCrashChild.class.getName(),
                dir.toString(),
                cloud().settings().region(),
                cloud().settings().s3Endpoint().toString(),
                cloud().settings().sqsEndpoint().toString(),
                cloud().bucket(),
                queueUrl,
                site,
                credentials.accessKeyId(),
                credentials.secretAccessKey())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String archived;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      archived = out.readLine();
    } finally {
      child.destroyForcibly(); // SIGKILL: no shutdown hook, no clean close of the spool
      child.waitFor();
    }
    assertNotNull(archived, "the child printed nothing");
    assertTrue(archived.startsWith("ARCHIVED archive/" + site + "/"), archived);
    assertTrue(keys("archive/" + site + "/").size() >= 2, "archive and index are in S3");
    assertTrue(drain(queueUrl, 0).isEmpty(), "nothing was sent before the kill");

    try (SqliteSpool spool = SqliteSpool.open(SpoolSettings.of(dir, 1L << 30, 100_000))) {
      Shipper shipper =
          AwsShipping.shipper(
              spool,
              ArchiveCrashChild.settings(site, cloud().bucket(), queueUrl),
              cloud().settings(),
              cloud().credentials(),
              ShipListener.NONE);
      shippers.add(shipper);
      shipper.start();
      Await.until(WAIT, "all shipped", () -> spool.stats().received() == 0);
      shipper.stop();
    }

    assertEquals(ids, ids(drain(queueUrl, ids.size())), "each once, in order");
    S3ArchiveReader reader = new S3ArchiveReader(clients.s3(), cloud().bucket());
    for (String index : keys("archive/" + site + "/")) {
      if (index.endsWith(".index.json")) {
        ArchiveIndex read = reader.index(index);
        assertEquals(ids, read.entries().stream().map(ArchiveIndex.Entry::id).toList());
      }
    }
  }
}
