package dev.hl7ferry.converter.aws;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hl7ferry.contract.envelope.EnvelopeJson;
import dev.hl7ferry.contract.envelope.InboundEnvelope;
import dev.hl7ferry.contract.envelope.InlinePolicy;
import dev.hl7ferry.contract.envelope.OutboundEnvelope;
import dev.hl7ferry.converter.dispatch.BatchProcessor;
import dev.hl7ferry.converter.dispatch.RecordProcessor;
import dev.hl7ferry.converter.lambda.ConverterHandler;
import dev.hl7ferry.converter.store.TemplateCatalog;
import dev.hl7ferry.infra.local.LocalCloud;
import dev.hl7ferry.infra.local.LocalCloudConfig;
import dev.hl7ferry.infra.local.LocalCloudExtension;
import dev.hl7ferry.infra.local.aws.LocalClients;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The handler with its real S3/SQS adapters against the in-process local cloud (S3Proxy +
 * ElasticMQ, FIFO queues): templates read from {@code templates/}, outputs in S3 or inline, notices
 * on the site's outbound FIFO queue, partial batch failures, idempotent redelivery, the local
 * poller, version 1 and 2 inbound envelopes.
 */
class HandlerAgainstLocalCloudTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");

  @RegisterExtension
  static final LocalCloudExtension CLOUD =
      new LocalCloudExtension(
          LocalCloudConfig.defaults().withBucket("ferry").withSites(List.of("site-a")));

  private static S3Client s3;
  private static SqsClient sqs;

  /** Outputs as claim checks (inline limit 0), so their objects can be inspected. */
  private static ConverterHandler handler;

  /** The default inline limit: small outputs travel inside their envelope. */
  private static ConverterHandler inlining;

  private final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void setUp() throws Exception {
    LocalCloud cloud = CLOUD.cloud();
    s3 = LocalClients.s3(cloud);
    sqs = LocalClients.sqs(cloud);
    Path store = GOLDEN.resolve("store");
    try (var files = Files.walk(store)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        if (Files.isRegularFile(p)) {
          String key = "templates/" + store.relativize(p).toString().replace('\\', '/');
          s3.putObject(b -> b.bucket("ferry").key(key), RequestBody.fromFile(p));
        }
      }
    }
    put("inbound/site-a/2026/01/01/e1.hl7", "vendor-oru.hl7");
    put("inbound/site-a/2026/01/01/e2.hl7", "legacy-adt.hl7");
    put("inbound/site-a/2026/01/01/e3.hl7", "legacy-adt.hl7");
    handler = handler(new InlinePolicy(0));
    inlining = handler(InlinePolicy.defaults());
  }

  private static ConverterHandler handler(InlinePolicy inline) {
    RecordProcessor records =
        new RecordProcessor(
            new TemplateCatalog(
                new S3TemplateStore(s3, "ferry", "templates/"), Duration.ofMinutes(1)),
            new S3Payloads(s3),
            new SqsOutboundQueues(sqs, "hl7-ferry-outbound-{site}.fifo"),
            inline,
            "ferry",
            Clock.systemUTC(),
            new ObjectMapper());
    return new ConverterHandler(new BatchProcessor(records));
  }

  @AfterAll
  static void tearDown() {
    s3.close();
    sqs.close();
  }

  private static void put(String key, String fixture) {
    s3.putObject(
        b -> b.bucket("ferry").key(key), RequestBody.fromFile(GOLDEN.resolve("cases/" + fixture)));
  }

  private static SQSEvent event(String resource) throws Exception {
    JsonNode root;
    try (InputStream in = HandlerAgainstLocalCloudTest.class.getResourceAsStream(resource)) {
      root = new ObjectMapper().readTree(in);
    }
    List<SQSEvent.SQSMessage> records = new ArrayList<>();
    for (JsonNode r : root.get("Records")) {
      SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
      m.setMessageId(r.get("messageId").asText());
      m.setBody(r.get("body").asText());
      m.setEventSourceArn(r.get("eventSourceARN").asText());
      records.add(m);
    }
    SQSEvent event = new SQSEvent();
    event.setRecords(records);
    return event;
  }

  @Test
  void aPayloadIsReadOnlyUpToTheSizeItsEnvelopeStates() throws Exception {
    byte[] bytes = Files.readAllBytes(GOLDEN.resolve("cases/vendor-oru.hl7"));
    S3Payloads payloads = new S3Payloads(s3);
    String key = "inbound/site-a/2026/01/01/e1.hl7";
    assertArrayEquals(bytes, payloads.get("ferry", key, bytes.length));
    IOException e =
        assertThrows(IOException.class, () -> payloads.get("ferry", key, bytes.length - 1));
    assertEquals(
        "s3://ferry/" + key + " holds " + bytes.length + " bytes, more than " + (bytes.length - 1),
        e.getMessage());
  }

  @Test
  void fifoBatchConvertsReportsFailuresAndRedeliveryAddsNothing() throws Exception {
    SQSBatchResponse first = handler.handleRequest(event("/events/fifo-batch.json"), null);
    assertEquals(
        List.of("m-2", "m-3"),
        first.getBatchItemFailures().stream()
            .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
            .toList());
    List<Message> sent = QueueDrain.drain(sqs, CLOUD.cloud().outboundQueueUrl("site-a"), 1);
    assertEquals(2, sent.size());
    JsonNode notice = null;
    for (Message m : sent) {
      JsonNode n = json.readTree(m.body());
      assertEquals(
          n.get("destination").asText(),
          m.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID),
          "FIFO group = destination");
      if (n.get("destination").asText().equals("hospital-a-lis")) {
        notice = n;
      }
    }
    String key = notice.get("key").asText();
    String hl7 = s3.getObjectAsBytes(b -> b.bucket("ferry").key(key)).asUtf8String();
    assertTrue(hl7.startsWith("MSH|^~\\&|FERRY|HOSPA|"), hl7);
    assertTrue(hl7.contains("OBX|1|NM|6690-2^White cells^LN||6.1|10\\S\\9/L|"), hl7);
    JsonNode error =
        json.readTree(
            s3.getObjectAsBytes(b -> b.bucket("ferry").key("errors/site-a/e2.json"))
                .asUtf8String());
    assertTrue(error.get("reason").asText().contains("sha256"));

    handler.handleRequest(event("/events/fifo-batch.json"), null);
    assertEquals(
        List.of(),
        QueueDrain.drain(sqs, CLOUD.cloud().outboundQueueUrl("site-a"), 1),
        "redelivery is deduplicated by the FIFO queue");
  }

  @Test
  void localPollerHandsQueueBatchesToTheSameHandlerAndDeletesOnlySuccesses() throws Exception {
    LocalCloud cloud = CLOUD.cloud();
    JsonNode records = json.readTree(getClass().getResourceAsStream("/events/standard-batch.json"));
    for (JsonNode r : records.get("Records")) {
      sqs.sendMessage(
          b ->
              b.queueUrl(cloud.inboundQueueUrl())
                  // other ids than the FIFO test, so its deduplication window does not interfere
                  .messageBody(r.get("body").asText().replace("\"id\": \"e", "\"id\": \"p"))
                  .messageGroupId("site-a")
                  .messageDeduplicationId("poll-" + r.get("messageId").asText()));
    }
    LocalQueuePoller poller = new LocalQueuePoller(sqs, cloud.inboundQueueUrl(), handler);
    int handled = 0;
    for (int i = 0; i < 5 && handled < 3; i++) {
      handled += poller.pollOnce(1);
    }
    assertEquals(3, handled);
    String visible =
        sqs.getQueueAttributes(
                b ->
                    b.queueUrl(cloud.inboundQueueUrl())
                        .attributeNamesWithStrings("ApproximateNumberOfMessagesNotVisible"))
            .attributesAsStrings()
            .get("ApproximateNumberOfMessagesNotVisible");
    assertEquals("2", visible, "the failed record and the one after it stay in flight (FIFO)");
    QueueDrain.drain(sqs, CLOUD.cloud().outboundQueueUrl("site-a"), 1);
  }

  @Test
  void aVersionOneClaimCheckAndAVersionTwoInlineEnvelopeConvertToInlineOutputs() throws Exception {
    byte[] oru = Files.readAllBytes(GOLDEN.resolve("cases/vendor-oru.hl7"));
    // m-1 of the fixture under another id, so the FIFO test's deduplication does not interfere
    String v1Body =
        event("/events/fifo-batch.json")
            .getRecords()
            .get(0)
            .getBody()
            .replace("\"id\": \"e1\"", "\"id\": \"c1\"");
    InboundEnvelope claimCheck = EnvelopeJson.readInbound(v1Body);
    assertEquals(1, claimCheck.version());
    InboundEnvelope inline = EnvelopeJson.readInbound(inlineOru("i1", "site-a", oru));
    SQSEvent batch = new SQSEvent();
    batch.setRecords(List.of(record("v-1", v1Body), record("v-2", EnvelopeJson.write(inline))));

    SQSBatchResponse response = inlining.handleRequest(batch, null);

    assertEquals(List.of(), response.getBatchItemFailures());
    List<Message> sent = QueueDrain.drain(sqs, CLOUD.cloud().outboundQueueUrl("site-a"), 1);
    assertEquals(4, sent.size(), "two outputs for each envelope");
    for (Message m : sent) {
      OutboundEnvelope notice = EnvelopeJson.readOutbound(m.body());
      assertTrue(notice.inline(), notice.toString());
      notice.verify(notice.payload());
    }
    for (String id : List.of("c1", "i1")) {
      assertEquals(
          List.of(),
          s3.listObjectsV2(b -> b.bucket("ferry").prefix("outbound/site-a/hospital-a-lis/" + id))
              .contents(),
          "an inline output writes no object");
    }
  }

  @Test
  void aRecordWhoseOutputsCannotBeSentFailsWithWhatFollowsItInItsGroupAndNothingElse()
      throws Exception {
    byte[] oru = Files.readAllBytes(GOLDEN.resolve("cases/vendor-oru.hl7"));
    // site-x has no outbound queue: its outputs cannot be sent, its site-a neighbours' can.
    SQSEvent batch = new SQSEvent();
    batch.setRecords(
        List.of(
            record("q-1", inlineOru("q1", "site-a", oru), "g-1"),
            record("q-2", inlineOru("q2", "site-x", oru), "g-1"),
            record("q-3", inlineOru("q3", "site-a", oru), "g-1"),
            record("q-4", inlineOru("q4", "site-a", oru), "g-2")));

    SQSBatchResponse response = inlining.handleRequest(batch, null);

    assertEquals(
        List.of("q-2", "q-3"),
        response.getBatchItemFailures().stream()
            .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
            .toList(),
        "the record whose outputs were not sent, and the one behind it in its FIFO group");
    JsonNode error =
        json.readTree(
            s3.getObjectAsBytes(b -> b.bucket("ferry").key("errors/site-x/q2.json"))
                .asUtf8String());
    assertTrue(
        error.get("reason").asText().startsWith("SendMessageBatch to the outbound queue of site"),
        error.toString());
    List<String> ids = new ArrayList<>();
    for (Message m : QueueDrain.drain(sqs, CLOUD.cloud().outboundQueueUrl("site-a"), 1)) {
      ids.add(EnvelopeJson.readOutbound(m.body()).id());
    }
    // q3's outputs went in the same call as q1's; its redelivery is deduplicated by the queue.
    assertEquals(List.of("q1", "q1", "q3", "q3", "q4", "q4"), ids.stream().sorted().toList());

    batch.setRecords(List.of(record("q-3", inlineOru("q3", "site-a", oru), "g-1")));
    assertEquals(List.of(), inlining.handleRequest(batch, null).getBatchItemFailures());
    assertEquals(
        List.of(),
        QueueDrain.drain(sqs, CLOUD.cloud().outboundQueueUrl("site-a"), 1),
        "the redelivered record adds nothing");
  }

  private static String inlineOru(String id, String site, byte[] oru) {
    return EnvelopeJson.write(
        new InboundEnvelope(
                InboundEnvelope.VERSION,
                id,
                site,
                "ferry",
                "inbound/" + site + "/2026/01/01/" + id + ".hl7-never-written",
                dev.hl7ferry.contract.envelope.PayloadDigest.sha256Hex(oru),
                oru.length,
                "UTF-8",
                "VENDLAB",
                "VENDLAB^1.2.3^ISO",
                "HIS",
                "HOSPA",
                "ORU^R01^ORU_R01",
                "MSG00001",
                "P",
                "2.5.1",
                "2026-01-01T11:00:00Z")
            .withInlinePayload(oru));
  }

  private static SQSEvent.SQSMessage record(String messageId, String body, String group) {
    SQSEvent.SQSMessage m = record(messageId, body);
    m.setAttributes(java.util.Map.of("MessageGroupId", group));
    return m;
  }

  private static SQSEvent.SQSMessage record(String messageId, String body) {
    SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
    m.setMessageId(messageId);
    m.setBody(body);
    m.setEventSourceArn("arn:aws:sqs:us-east-1:000000000000:hl7-ferry-inbound.fifo");
    return m;
  }
}
