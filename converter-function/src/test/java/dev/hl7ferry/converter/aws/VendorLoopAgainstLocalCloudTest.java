package dev.hl7ferry.converter.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hl7ferry.contract.envelope.EnvelopeJson;
import dev.hl7ferry.contract.envelope.InboundEnvelope;
import dev.hl7ferry.contract.envelope.InlinePolicy;
import dev.hl7ferry.contract.envelope.OutboundEnvelope;
import dev.hl7ferry.contract.envelope.PayloadDigest;
import dev.hl7ferry.contract.result.Correlation;
import dev.hl7ferry.contract.result.ResultEnvelope;
import dev.hl7ferry.contract.result.ResultJson;
import dev.hl7ferry.converter.config.FunctionSettings;
import dev.hl7ferry.converter.destination.CloudRouter;
import dev.hl7ferry.converter.destination.HookReceiver;
import dev.hl7ferry.converter.destination.WebhookSender;
import dev.hl7ferry.converter.destination.WebhookSignature;
import dev.hl7ferry.converter.dispatch.BatchProcessor;
import dev.hl7ferry.converter.dispatch.Clouds;
import dev.hl7ferry.converter.dispatch.Keys;
import dev.hl7ferry.converter.dispatch.RecordLimits;
import dev.hl7ferry.converter.dispatch.RecordProcessor;
import dev.hl7ferry.converter.dispatch.ResultProcessor;
import dev.hl7ferry.converter.lambda.ConverterHandler;
import dev.hl7ferry.converter.result.ResultSource;
import dev.hl7ferry.converter.store.TemplateCatalog;
import dev.hl7ferry.infra.local.LocalCloud;
import dev.hl7ferry.infra.local.LocalCloudConfig;
import dev.hl7ferry.infra.local.LocalCloudExtension;
import dev.hl7ferry.infra.local.aws.LocalClients;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The vendor's loop through the handler with its real adapters against the local cloud (S3Proxy +
 * ElasticMQ) and a real local webhook receiver: an order fanned out to an edge destination and to
 * SQS, S3 and HTTPS cloud destinations with deterministic ids; a cloud destination down failing its
 * record only; results found by either correlation and rendered with the original's numbers;
 * refused results leaving error records that quote no field value.
 */
class VendorLoopAgainstLocalCloudTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");
  private static final String SITE = "hospital-a";
  private static final String INBOUND_ARN = "arn:aws:sqs:us-east-1:000000000000:hl7-ferry-inbound";
  private static final String RESULTS_ARN =
      "arn:aws:sqs:us-east-1:000000000000:hl7-ferry-results-demo-ai";
  private static final String SECRET = "test-only-hook-secret"; // FERRY_TEST_HOOK_SECRET (pom)
  private static final String[] PHI = {"MRN7781", "TESTPERSON", "ROBIN", "19700315", "nodule"};

  @RegisterExtension
  static final LocalCloudExtension CLOUD =
      new LocalCloudExtension(
          LocalCloudConfig.defaults()
              .withBucket("ferry")
              .withSites(List.of(SITE))
              .withVendors(List.of("demo-ai")));

  private static S3Client s3;
  private static SqsClient sqs;
  private static HookReceiver hook;
  private static ConverterHandler handler;

  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void setUp() throws Exception {
    LocalCloud cloud = CLOUD.cloud();
    s3 = LocalClients.s3(cloud);
    sqs = LocalClients.sqs(cloud);
    hook = new HookReceiver();
    Path store = GOLDEN.resolve("store");
    try (Stream<Path> files = Files.walk(store)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        if (Files.isRegularFile(p) && !p.endsWith("routes.yaml")) {
          String key = "templates/" + store.relativize(p).toString().replace('\\', '/');
          s3.putObject(b -> b.bucket("ferry").key(key), RequestBody.fromFile(p));
        }
      }
    }
    String routes =
        "mode: fan-out\n"
            + "cloudDestinations:\n"
            + "  vendor-ai: { type: sqs, queueUrl: \""
            + cloud.vendorQueueUrl("demo-ai")
            + "\" }\n"
            + "  vendor-bucket: { type: s3, bucket: ferry, prefix: ai-inbox/ }\n"
            + "  vendor-hook: { type: https, url: \""
            + hook.url("/hook")
            + "\", secretEnv: FERRY_TEST_HOOK_SECRET, timeoutMs: 2000 }\n"
            + "vendors:\n"
            + "  demo-ai: { sites: [hospital-a] }\n"
            + "routes:\n"
            + "  - name: orm-fan-out\n"
            + "    when: [{ field: message-type, equals: ORM }]\n"
            + "    template: demo-ai/order.json.liquid\n"
            + "    destinations: [hospital-a-lis, vendor-ai, vendor-bucket, vendor-hook]\n"
            + "  - name: adt-legacy\n"
            + "    when: [{ field: message-type, equals: ADT }]\n"
            + "    template: legacy/adt.tpl\n"
            + "    destinations: [old-broker]\n"
            + "  - name: ai-score-hospital-a\n"
            + "    when: [{ field: result-type, equals: ai-score }, { field: site, equals: hospital-a }]\n"
            + "    template: hospital-a/ai-score-oru.hl7.liquid\n"
            + "    destinations: [hospital-a-lis]\n";
    s3.putObject(
        b -> b.bucket("ferry").key("templates/routes.yaml"), RequestBody.fromString(routes));
    handler = handler();
  }

  private static ConverterHandler handler() {
    return handler(ResultSource.DEFAULT, vendor -> null);
  }

  /** A handler deployed like the CDK stack sets it up: its results queue pattern and sites. */
  private static ConverterHandler handler(
      ResultSource resultQueues, Function<String, Set<String>> deployedSites) {
    TemplateCatalog catalog =
        new TemplateCatalog(new S3TemplateStore(s3, "ferry", "templates/"), Duration.ofMinutes(1));
    S3Payloads payloads = new S3Payloads(s3);
    SqsOutboundQueues queues = new SqsOutboundQueues(sqs, "hl7-ferry-outbound-{site}.fifo");
    Clouds clouds =
        new Clouds(
            new CloudRouter(
                new AwsCloudSender(
                    sqs,
                    s3,
                    () -> {
                      throw new IllegalStateException("no EventBridge here");
                    }),
                new WebhookSender(Clock.systemUTC())),
            new S3Originals(s3, "ferry", 1 << 20));
    // Not a test of the render time limit: a cold JVM on a shared, loaded machine may take longer
    // than the 5 s default for its first render.
    RecordLimits limits = new RecordLimits(1 << 20, Duration.ofSeconds(60));
    ObjectMapper json = new ObjectMapper();
    RecordProcessor records =
        new RecordProcessor(
            catalog,
            payloads,
            queues,
            clouds,
            InlinePolicy.defaults(),
            "ferry",
            limits,
            Clock.systemUTC(),
            json);
    ResultProcessor results =
        new ResultProcessor(
            catalog,
            payloads,
            clouds,
            InlinePolicy.defaults(),
            "ferry",
            limits,
            Clock.systemUTC(),
            json,
            deployedSites);
    return new ConverterHandler(new BatchProcessor(records, results, resultQueues));
  }

  @AfterAll
  static void tearDown() {
    hook.close();
    s3.close();
    sqs.close();
  }

  @BeforeEach
  void captureLogs() {
    log.start();
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(log);
    hook.answer(200);
  }

  @AfterEach
  void noFieldValueWasLogged() {
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(log);
    for (ILoggingEvent e : log.list) {
      for (String value : PHI) {
        assertFalse(e.getFormattedMessage().contains(value), e.getFormattedMessage());
      }
    }
  }

  // ---- helpers ----

  private static String orderEnvelope(String id, String fixture) throws Exception {
    byte[] payload = Files.readAllBytes(GOLDEN.resolve("cases/" + fixture));
    String header = new String(payload, StandardCharsets.UTF_8).split("\r")[0];
    String[] msh = header.split("\\|");
    InboundEnvelope claim =
        new InboundEnvelope(
            InboundEnvelope.VERSION,
            id,
            SITE,
            "ferry",
            "inbound/" + SITE + "/" + id + ".hl7",
            PayloadDigest.sha256Hex(payload),
            payload.length,
            "UTF-8",
            msh[2],
            msh[3],
            msh[4],
            msh[5],
            msh[8],
            msh[9],
            msh[10],
            msh[11],
            "2026-11-30T07:00:00Z");
    return EnvelopeJson.write(claim.withInlinePayload(payload));
  }

  private static SQSEvent event(String arn, String... bodies) {
    List<SQSEvent.SQSMessage> records = new ArrayList<>();
    for (int i = 0; i < bodies.length; i++) {
      SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
      m.setMessageId("m-" + (i + 1));
      m.setBody(bodies[i]);
      m.setEventSourceArn(arn);
      records.add(m);
    }
    SQSEvent event = new SQSEvent();
    event.setRecords(records);
    return event;
  }

  private static List<String> failed(SQSBatchResponse r) {
    return r.getBatchItemFailures().stream()
        .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
        .toList();
  }

  private static String object(String key) {
    return s3.getObjectAsBytes(b -> b.bucket("ferry").key(key)).asUtf8String();
  }

  private static boolean exists(String key) {
    try {
      s3.headObject(b -> b.bucket("ferry").key(key));
      return true;
    } catch (NoSuchKeyException e) {
      return false;
    } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
      if (e.statusCode() == 404) {
        return false;
      }
      throw e;
    }
  }

  private static String result(String resultId, String site, Correlation c, byte[] payload) {
    return ResultJson.write(
        ResultEnvelope.inline(
            resultId, site, c, "ai-score", ResultEnvelope.JSON, "2026-11-30T08:00:00Z", payload));
  }

  private static final byte[] SCORE =
      "{\"score\":0.87,\"finding\":\"nodule 6 mm\",\"model\":\"demo-ai-1\"}"
          .getBytes(StandardCharsets.UTF_8);

  // ---- tests ----

  @Test
  void anOrderGoesToTheEdgeAndEveryCloudDestinationWithTheSameIdsWhenRedelivered()
      throws Exception {
    String id = "orm-fanout-1";
    SQSEvent event = event(INBOUND_ARN, orderEnvelope(id, "ai-order-orm.hl7"));
    int hooksBefore = hook.received().size();

    assertEquals(List.of(), failed(handler.handleRequest(event, null)));
    assertEquals(List.of(), failed(handler.handleRequest(event, null)), "redelivered");

    String sqsId = Keys.deduplicationId(id, "orm-fan-out", "vendor-ai");
    String s3Id = Keys.deduplicationId(id, "orm-fan-out", "vendor-bucket");
    String hookId = Keys.deduplicationId(id, "orm-fan-out", "vendor-hook");
    // The edge destination: one outbound envelope (FIFO deduplication drops the redelivery).
    List<OutboundEnvelope> edge =
        QueueDrain.drain(sqs, CLOUD.cloud().outboundQueueUrl(SITE), 0).stream()
            .map(m -> EnvelopeJson.readOutbound(m.body()))
            .filter(e -> e.id().equals(id))
            .toList();
    assertEquals(1, edge.size());
    assertEquals("hospital-a-lis", edge.get(0).destination());
    // SQS: one message, its ids as attributes, the rendered JSON as body.
    List<Message> vendor =
        QueueDrain.drain(sqs, CLOUD.cloud().vendorQueueUrl("demo-ai"), 0).stream()
            .filter(m -> id.equals(m.messageAttributes().get("Ferry-Entry-Id").stringValue()))
            .toList();
    assertEquals(1, vendor.size());
    assertEquals(sqsId, vendor.get(0).messageAttributes().get("Ferry-Delivery-Id").stringValue());
    assertEquals(id, vendor.get(0).messageAttributes().get("Ferry-Entry-Id").stringValue());
    assertEquals(
        "ORM0001", json.readTree(vendor.get(0).body()).at("/correlation/controlId").asText());
    // S3: the same key both times.
    assertTrue(object("ai-inbox/hospital-a/" + s3Id + ".json").contains("CTCHEST"));
    // HTTPS: posted twice (at least once), the same delivery id, each signature valid.
    List<HookReceiver.Received> posts =
        hook.received().subList(hooksBefore, hook.received().size());
    assertEquals(2, posts.size());
    for (HookReceiver.Received p : posts) {
      assertEquals(hookId, p.header("Ferry-Delivery-Id"));
      assertTrue(
          WebhookSignature.verify(
              SECRET.getBytes(StandardCharsets.UTF_8),
              Long.parseLong(p.header("Ferry-Timestamp")),
              p.body(),
              p.header("Ferry-Signature")));
    }
    // The original, kept before any cloud destination saw the message.
    assertTrue(exists("originals/hospital-a/entries/" + id + ".hl7"));
  }

  @Test
  void aCloudDestinationDownFailsOnlyItsRecordAndTheRetryDeliversOnceItIsBack() throws Exception {
    String order = orderEnvelope("orm-down-1", "ai-order-orm.hl7");
    String adt = orderEnvelope("adt-down-1", "legacy-adt.hl7");
    hook.answer(503);

    SQSBatchResponse first = handler.handleRequest(event(INBOUND_ARN, order, adt), null);

    assertEquals(List.of("m-1"), failed(first));
    assertTrue(
        object("errors/hospital-a/orm-down-1.json")
            .contains("webhook vendor-hook answered HTTP 503"));
    QueueDrain.drain(sqs, CLOUD.cloud().outboundQueueUrl(SITE), 0);
    QueueDrain.drain(sqs, CLOUD.cloud().vendorQueueUrl("demo-ai"), 0);

    hook.answer(200);
    int before = hook.received().size();
    assertEquals(List.of(), failed(handler.handleRequest(event(INBOUND_ARN, order), null)));
    assertEquals(before + 1, hook.received().size());
    assertEquals(
        Keys.deduplicationId("orm-down-1", "orm-fan-out", "vendor-hook"),
        hook.received().get(before).header("Ferry-Delivery-Id"));
  }

  @Test
  void aResultFoundByEntryIdBecomesTheHospitalsOruWithTheOriginalsNumbers() throws Exception {
    assertEquals(
        List.of(),
        failed(
            handler.handleRequest(
                event(INBOUND_ARN, orderEnvelope("orm-res-1", "ai-order-orm.hl7")), null)));
    QueueDrain.drain(sqs, CLOUD.cloud().outboundQueueUrl(SITE), 0);
    String body = result("demo-ai:r1", SITE, Correlation.ofEntryId("orm-res-1"), SCORE);

    assertEquals(List.of(), failed(handler.handleRequest(event(RESULTS_ARN, body), null)));
    assertEquals(List.of(), failed(handler.handleRequest(event(RESULTS_ARN, body), null)));

    List<Message> edge = QueueDrain.drain(sqs, CLOUD.cloud().outboundQueueUrl(SITE), 0);
    assertEquals(1, edge.size(), "a resubmitted result has the same output id");
    OutboundEnvelope out = EnvelopeJson.readOutbound(edge.get(0).body());
    assertEquals(Keys.resultEntryId("demo-ai", SITE, "demo-ai:r1"), out.id());
    assertEquals("ai-score-hospital-a", out.route());
    String oru = new String(out.payload(), StandardCharsets.UTF_8);
    for (String own :
        new String[] {"MRN7781", "PLC1001^RIS", "FIL2002^PACS", "ACC330044", "0.87"}) {
      assertTrue(oru.contains(own), own);
    }
  }

  @Test
  void aResultFoundByMsh3Msh4Msh10ThroughTheRealResultsQueueAndTheLocalPoller() throws Exception {
    assertEquals(
        List.of(),
        failed(
            handler.handleRequest(
                event(INBOUND_ARN, orderEnvelope("orm-res-2", "ai-order-orm.hl7")), null)));
    QueueDrain.drain(sqs, CLOUD.cloud().outboundQueueUrl(SITE), 0);
    String body =
        result("demo-ai:r2", SITE, Correlation.ofMessage("RIS", "HOSPA", "ORM0001"), SCORE);
    String results = CLOUD.cloud().resultsQueueUrl("demo-ai");
    sqs.sendMessage(b -> b.queueUrl(results).messageBody(body));

    int handled = new LocalQueuePoller(sqs, results, handler).pollOnce(2);

    assertEquals(1, handled);
    List<Message> edge = QueueDrain.drain(sqs, CLOUD.cloud().outboundQueueUrl(SITE), 0);
    assertEquals(1, edge.size());
    assertTrue(
        new String(EnvelopeJson.readOutbound(edge.get(0).body()).payload(), StandardCharsets.UTF_8)
            .contains("PID|1||MRN7781^^^HOSPA^MR"));
    assertEquals(0, QueueDrain.drain(sqs, results, 0).size(), "deleted after success");
  }

  @Test
  void refusedResultsLeaveErrorRecordsWithAReasonAndFailOnlyThemselves() throws Exception {
    assertEquals(
        List.of(),
        failed(
            handler.handleRequest(
                event(INBOUND_ARN, orderEnvelope("orm-res-3", "ai-order-orm.hl7")), null)));
    QueueDrain.drain(sqs, CLOUD.cloud().outboundQueueUrl(SITE), 0);
    Correlation known = Correlation.ofEntryId("orm-res-3");
    String unknownId = result("r-unknown", SITE, Correlation.ofEntryId("nope"), SCORE);
    String otherSite = result("r-site", "hospital-b", known, SCORE);
    String badJson =
        result("r-json", SITE, known, "{\"score\": MRN7781".getBytes(StandardCharsets.UTF_8));
    String mismatch =
        ResultJson.write(
            new ResultEnvelope(
                1,
                "r-sha",
                SITE,
                known,
                "ai-score",
                ResultEnvelope.JSON,
                null,
                null,
                PayloadDigest.sha256Hex("other".getBytes(StandardCharsets.UTF_8)),
                SCORE.length,
                "2026-11-30T08:00:00Z",
                SCORE));
    String good = result("r-good", SITE, known, SCORE);
    String notJson = "{\"version\":1,\"resultId\":\"MRN7781";

    SQSBatchResponse r =
        handler.handleRequest(
            event(RESULTS_ARN, unknownId, otherSite, badJson, mismatch, notJson, good), null);

    assertEquals(List.of("m-1", "m-2", "m-3", "m-4", "m-5"), failed(r));
    assertEquals(
        1, QueueDrain.drain(sqs, CLOUD.cloud().outboundQueueUrl(SITE), 0).size(), "the good one");
    assertReason("r-unknown", SITE, "no original for correlation entryId=nope at site hospital-a");
    assertReason("r-site", "hospital-b", "vendor demo-ai may not write to site hospital-b");
    assertReason("r-json", SITE, "result payload is not valid JSON (line 1, column");
    assertReason("r-sha", SITE, "result payload sha256/size mismatch");
    String bodyRecord = object(Keys.resultError("demo-ai", "body-" + Keys.sha256Hex(notJson)));
    assertTrue(bodyRecord.contains("bad result envelope: result is not valid JSON"), bodyRecord);
    assertFalse(bodyRecord.contains("MRN7781"), bodyRecord);
  }

  @Test
  void aResultFromAVendorTheRoutesDoNotNameIsRefused() throws Exception {
    String body = result("r-x", SITE, Correlation.ofEntryId("orm-res-1"), SCORE);
    SQSBatchResponse r =
        handler.handleRequest(
            event("arn:aws:sqs:us-east-1:000000000000:hl7-ferry-results-stranger", body), null);

    assertEquals(List.of("m-1"), failed(r));
    String record =
        object(Keys.resultError("stranger", Keys.resultEntryId("stranger", SITE, "r-x")));
    assertTrue(record.contains("vendor stranger is not in the routes file's vendors"), record);
  }

  private void assertReason(String resultId, String site, String reason) throws Exception {
    String record =
        object(Keys.resultError("demo-ai", Keys.resultEntryId("demo-ai", site, resultId)));
    assertTrue(json.readTree(record).get("reason").asText().contains(reason), record);
    for (String value : PHI) {
      assertFalse(record.contains(value), record);
    }
  }

  @Test
  void aStackWithAnotherPrefixAndDeployedSitesNeedsBothTheRoutesFileAndTheStackToAllowASite()
      throws Exception {
    FunctionSettings deployed =
        FunctionSettings.fromEnvironment(
            Map.of(
                "FERRY_BUCKET", "ferry",
                "FERRY_RESULTS_QUEUE", "ferry-prod-results-{vendor}",
                "FERRY_VENDOR_SITES_DEMO_AI", "hospital-b"));
    ConverterHandler narrowed =
        handler(ResultSource.of(deployed.resultsQueue()), deployed::deployedSites);
    FunctionSettings agreeing =
        FunctionSettings.fromEnvironment(
            Map.of(
                "FERRY_BUCKET", "ferry",
                "FERRY_RESULTS_QUEUE", "ferry-prod-results-{vendor}",
                "FERRY_VENDOR_SITES_DEMO_AI", "hospital-a,hospital-b"));
    ConverterHandler allowed =
        handler(ResultSource.of(agreeing.resultsQueue()), agreeing::deployedSites);
    String prodResults = "arn:aws:sqs:us-east-1:000000000000:ferry-prod-results-demo-ai";
    assertEquals(
        List.of(),
        failed(
            allowed.handleRequest(
                event(INBOUND_ARN, orderEnvelope("orm-res-4", "ai-order-orm.hl7")), null)));
    QueueDrain.drain(sqs, CLOUD.cloud().outboundQueueUrl(SITE), 0);
    Correlation known = Correlation.ofEntryId("orm-res-4");

    // The routes file allows hospital-a, the stack only hospital-b: refused.
    SQSBatchResponse refused =
        narrowed.handleRequest(event(prodResults, result("r-deploy", SITE, known, SCORE)), null);
    // Not in the routes file, though the stack allows it: refused as before.
    SQSBatchResponse notRouted =
        narrowed.handleRequest(
            event(prodResults, result("r-deploy-b", "hospital-b", known, SCORE)), null);
    // Both allow hospital-a, and the queue of the stack's prefix is a results queue.
    SQSBatchResponse ok =
        allowed.handleRequest(event(prodResults, result("r-both", SITE, known, SCORE)), null);

    assertEquals(List.of("m-1"), failed(refused));
    assertReason(
        "r-deploy",
        SITE,
        "vendor demo-ai may not write to site hospital-a (not in the deployment's"
            + " FERRY_VENDOR_SITES_DEMO_AI)");
    assertEquals(List.of("m-1"), failed(notRouted));
    assertReason("r-deploy-b", "hospital-b", "vendor demo-ai may not write to site hospital-b");
    assertEquals(List.of(), failed(ok));
    List<Message> edge = QueueDrain.drain(sqs, CLOUD.cloud().outboundQueueUrl(SITE), 0);
    assertEquals(1, edge.size(), "the result allowed by both");
    assertTrue(
        new String(EnvelopeJson.readOutbound(edge.get(0).body()).payload(), StandardCharsets.UTF_8)
            .contains("PID|1||MRN7781^^^HOSPA^MR"));
  }
}
