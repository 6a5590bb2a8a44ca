package dev.hl7ferry.converter.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hl7ferry.contract.envelope.EnvelopeJson;
import dev.hl7ferry.contract.envelope.InboundEnvelope;
import dev.hl7ferry.contract.envelope.InlinePolicy;
import dev.hl7ferry.contract.envelope.PayloadDigest;
import dev.hl7ferry.converter.dispatch.BatchProcessor;
import dev.hl7ferry.converter.dispatch.RecordLimits;
import dev.hl7ferry.converter.dispatch.RecordProcessor;
import dev.hl7ferry.converter.store.FileSystemTemplateStore;
import dev.hl7ferry.converter.store.TemplateCatalog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * What the function refuses or contains, record by record: envelopes pointing outside their own
 * site and bucket, payloads over the size limit (never read), templates that overflow the stack or
 * overrun the time limit (only their record fails), and failures that must not carry a value from
 * the message into the log or the error record.
 */
class RecordHardeningTest {
  private static final String BIRTH_DATE = "19721212";
  private static final String ADT =
      "MSH|^~\\&|REGSYS|HOSPB|BROKER|HOSPB|20260105083000||ADT^A01|ADT0042|P|2.5\r"
          + "PID|1||77821^^^HOSPB||SYNTHETIC^DANA||"
          + BIRTH_DATE
          + "X|M\r";
  private static final String ORU =
      "MSH|^~\\&|LAB|HOSPB|BROKER|HOSPB|20260105083000||ORU^R01|ORU0001|P|2.5\r"
          + "PID|1||77821^^^HOSPB||SYNTHETIC^DANA||19721212|M\r";

  private final ObjectMapper json = new ObjectMapper();
  private final InMemoryCloud cloud = new InMemoryCloud();
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private final Logger recordLog = (Logger) LoggerFactory.getLogger(RecordProcessor.class);
  @TempDir Path store;

  @BeforeEach
  void setUp() throws Exception {
    log.start();
    recordLog.addAppender(log);
    Files.writeString(
        store.resolve("routes.yaml"),
        """
        version: 1
        mode: fan-out
        unmatched: record-and-drop
        routes:
          - name: adt
            when:
              - { field: message-type, equals: ADT }
            template: site/adt.hl7.liquid
            destinations: [broker]
          - name: oru
            when:
              - { field: message-type, equals: ORU }
            template: site/oru.hl7.liquid
            destinations: [broker]
        """);
    Files.createDirectories(store.resolve("site"));
    Files.writeString(store.resolve("site/oru.hl7.liquid"), "MSH|^~\\&|F|H|||||ORU^R01|1|P|2.5\n");
    template("MSH|^~\\&|F|H|||||ADT^A01|1|P|2.5\n");
  }

  @AfterEach
  void tearDown() {
    recordLog.detachAppender(log);
  }

  private void template(String adt) throws Exception {
    Files.writeString(store.resolve("site/adt.hl7.liquid"), adt);
  }

  private ConverterHandler handler(RecordLimits limits) {
    RecordProcessor records =
        new RecordProcessor(
            new TemplateCatalog(new FileSystemTemplateStore(store), Duration.ZERO),
            cloud,
            cloud,
            new InlinePolicy(0),
            "ferry",
            limits,
            Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC),
            json);
    return new ConverterHandler(new BatchProcessor(records));
  }

  /** A claim check for {@code text} stored under {@code bucket/key}, stating {@code size}. */
  private String claimCheck(
      String id, String site, String bucket, String key, String text, long size) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    cloud.put(bucket, key, bytes, "");
    return EnvelopeJson.write(
        new InboundEnvelope(
            InboundEnvelope.VERSION,
            id,
            site,
            bucket,
            key,
            PayloadDigest.sha256Hex(bytes),
            size,
            "UTF-8",
            "REGSYS",
            "HOSPB",
            "BROKER",
            "HOSPB",
            "ADT^A01",
            "ADT0042",
            "P",
            "2.5",
            "2026-01-01T11:00:00Z"));
  }

  private String claimCheck(String id, String text) {
    return claimCheck(
        id,
        "site-a",
        "ferry",
        "inbound/site-a/2026/01/01/" + id + ".hl7",
        text,
        text.getBytes(StandardCharsets.UTF_8).length);
  }

  private static SQSEvent batch(String... bodies) {
    List<SQSEvent.SQSMessage> records = new ArrayList<>();
    for (int i = 0; i < bodies.length; i++) {
      SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
      m.setMessageId("m-" + (i + 1));
      m.setBody(bodies[i]);
      m.setEventSourceArn("arn:aws:sqs:us-east-1:000000000000:inbound");
      records.add(m);
    }
    SQSEvent event = new SQSEvent();
    event.setRecords(records);
    return event;
  }

  private static List<String> failed(SQSBatchResponse response) {
    return response.getBatchItemFailures().stream()
        .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
        .toList();
  }

  private String reason(String id) throws Exception {
    return json.readTree(cloud.text("ferry/errors/site-a/" + id + ".json")).get("reason").asText();
  }

  @Test
  void aClaimCheckIntoAnotherBucketIsRefusedWithoutReadingIt() throws Exception {
    String body = claimCheck("e1", "site-a", "other", "inbound/site-a/x/e1.hl7", ADT, ADT.length());
    int before = cloud.gets;
    assertEquals(
        List.of("m-1"), failed(handler(RecordLimits.DEFAULTS).handleRequest(batch(body), null)));
    assertEquals(before, cloud.gets);
    assertEquals("envelope.bucket is not this function's bucket", reason("e1"));
  }

  @Test
  void aClaimCheckIntoAnotherSitesPrefixIsRefusedWithoutReadingIt() throws Exception {
    String body =
        claimCheck("e1", "site-a", "ferry", "inbound/site-b/2026/e1.hl7", ADT, ADT.length());
    String outside =
        claimCheck("e2", "site-a", "ferry", "templates/routes.yaml", ADT, ADT.length());
    String sibling =
        claimCheck("e3", "site-a", "ferry", "inbound/site-ab/e3.hl7", ADT, ADT.length());
    assertEquals(
        List.of("m-1", "m-2", "m-3"),
        failed(handler(RecordLimits.DEFAULTS).handleRequest(batch(body, outside, sibling), null)));
    assertEquals(0, cloud.gets);
    assertEquals("envelope.key is not under inbound/site-a/", reason("e1"));
  }

  @Test
  void aSiteNameNoEdgeCanHaveIsRefusedAndAddressesNoObjectAtAll() throws Exception {
    // The contract reads "site.b" (dots allowed); no edge can be configured with it.
    String dotted = claimCheck("e1", "site.b", "ferry", "inbound/site.b/e1.hl7", ADT, 10);
    String traversal = claimCheck("e2", "../site-b", "ferry", "inbound/../site-b/e2.hl7", ADT, 10);
    String badId = claimCheck("a/../../x", "site-a", "ferry", "inbound/site-a/x.hl7", ADT, 10);
    int objects = cloud.objects.size();
    assertEquals(
        List.of("m-1", "m-2", "m-3"),
        failed(
            handler(RecordLimits.DEFAULTS).handleRequest(batch(dotted, traversal, badId), null)));
    assertEquals(objects, cloud.objects.size(), "no error record was written");
    assertEquals(0, cloud.gets);
    assertTrue(
        log.list.stream()
            .anyMatch(e -> e.getFormattedMessage().contains("envelope.site is not a site name")),
        "the dotted site was refused by the converter's own rule");
  }

  @Test
  void aPayloadOverTheLimitIsRefusedFromItsEnvelopeWithoutReadingIt() throws Exception {
    String body = claimCheck("e1", ADT);
    RecordLimits small = new RecordLimits(ADT.length() - 1, Duration.ofSeconds(5));
    assertEquals(List.of("m-1"), failed(handler(small).handleRequest(batch(body), null)));
    assertEquals(0, cloud.gets);
    assertTrue(reason("e1").contains("exceeds FERRY_MAX_INPUT_BYTES"), reason("e1"));
  }

  @Test
  void anObjectLargerThanItsEnvelopeSaysIsRefused() throws Exception {
    String body =
        claimCheck("e1", "site-a", "ferry", "inbound/site-a/e1.hl7", ADT, ADT.length() - 5);
    assertEquals(
        List.of("m-1"), failed(handler(RecordLimits.DEFAULTS).handleRequest(batch(body), null)));
    assertTrue(reason("e1").startsWith("IOException"), reason("e1"));
  }

  @Test
  void aTemplateThatOverflowsTheStackFailsOnlyItsRecord() throws Exception {
    template("{% include 'adt' %}");
    Files.writeString(store.resolve("site/adt"), "{% include 'adt' %}");
    SQSBatchResponse r =
        handler(RecordLimits.DEFAULTS)
            .handleRequest(batch(claimCheck("e1", ADT), claimCheck("e2", ORU)), null);
    assertEquals(List.of("m-1"), failed(r));
    assertEquals(1, cloud.sent.size(), "the ORU was converted");
    assertTrue(reason("e1").contains("stack overflow"), reason("e1"));
  }

  @Test
  void aRenderOverTheTimeLimitFailsItsRecordAndTheBatchGoesOn() throws Exception {
    template(
        "{% for i in (1..900) %}{% for j in (1..900) %}{% assign x = j | plus: i %}"
            + "{% endfor %}{% endfor %}MSH|^~\\&|F|H|||||ADT^A01|1|P|2.5\n");
    RecordLimits quick = new RecordLimits(1 << 20, Duration.ofMillis(20));
    SQSBatchResponse r =
        assertTimeoutPreemptively(
            Duration.ofSeconds(5),
            () ->
                handler(quick)
                    .handleRequest(batch(claimCheck("e1", ADT), claimCheck("e2", ORU)), null));
    assertEquals(List.of("m-1"), failed(r));
    assertEquals(1, cloud.sent.size());
    assertEquals("render time limit exceeded (20 ms, FERRY_RENDER_TIMEOUT)", reason("e1"));
  }

  @Test
  void aBirthDateInAFailingDateFilterReachesNeitherTheLogNorTheErrorRecord() throws Exception {
    template("MSH|^~\\&|F|H|||||ADT^A01|1|P|2.5\nPID|{{ msg[\"PID-7\"] | hl7_date: 'yyyy' }}\n");
    assertEquals(
        List.of("m-1"),
        failed(handler(RecordLimits.DEFAULTS).handleRequest(batch(claimCheck("e1", ADT)), null)));
    String record = cloud.text("ferry/errors/site-a/e1.json");
    JsonNode error = json.readTree(record);
    assertEquals(2, error.get("line").asInt(), record);
    assertTrue(error.get("reason").asText().contains("hl7_date"), record);
    assertFalse(record.contains(BIRTH_DATE), record);
    assertFalse(log.list.isEmpty());
    for (ILoggingEvent e : log.list) {
      assertFalse(e.getFormattedMessage().contains(BIRTH_DATE), e.getFormattedMessage());
      assertNull(e.getThrowableProxy(), "no stack trace (its messages quote the value)");
    }
  }

  @Test
  void aMessageTypeWithControlCharactersIsLoggedAsPrintableText() throws Exception {
    String forged = ADT.replace("ADT^A01|", "ADT^A01\u001b[2J\u0085|");
    assertEquals(
        List.of(),
        failed(
            handler(RecordLimits.DEFAULTS).handleRequest(batch(claimCheck("e1", forged)), null)));
    String line = log.list.get(log.list.size() - 1).getFormattedMessage();
    assertTrue(line.startsWith("converted id=e1 site=site-a type=ADT^A01?[2J?"), line);
  }
}
