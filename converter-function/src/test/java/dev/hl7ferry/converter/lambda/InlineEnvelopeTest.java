package dev.hl7ferry.converter.lambda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hl7ferry.contract.envelope.EnvelopeJson;
import dev.hl7ferry.contract.envelope.InboundEnvelope;
import dev.hl7ferry.contract.envelope.InlinePolicy;
import dev.hl7ferry.contract.envelope.OutboundEnvelope;
import dev.hl7ferry.contract.envelope.PayloadDigest;
import dev.hl7ferry.converter.dispatch.BatchProcessor;
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
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Version 2 envelopes through the handler, the cloud faked behind its interfaces with no inbound
 * object stored: an inline payload needs no GetObject, a bad one leaves an error record, and
 * outputs travel inline up to the limit (to the byte) and as claim checks above it.
 */
class InlineEnvelopeTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");
  private static final String HL7_OUTPUT =
      "ferry/outbound/site-a/hospital-a-lis/i1/oru-hospital-a.hl7";
  private final ObjectMapper json = new ObjectMapper();
  private final InMemoryCloud cloud = new InMemoryCloud();

  private ConverterHandler handler(InlinePolicy inline) {
    RecordProcessor records =
        new RecordProcessor(
            new TemplateCatalog(
                new FileSystemTemplateStore(GOLDEN.resolve("store")), Duration.ofMinutes(1)),
            cloud,
            cloud,
            inline,
            "ferry",
            Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC),
            json);
    return new ConverterHandler(new BatchProcessor(records));
  }

  /** vendor-oru.hl7 inline, stating {@code sha256}. */
  private static String inlineOru(String sha256) throws Exception {
    byte[] oru = Files.readAllBytes(GOLDEN.resolve("cases/vendor-oru.hl7"));
    InboundEnvelope claimCheck =
        new InboundEnvelope(
            InboundEnvelope.VERSION,
            "i1",
            "site-a",
            "ferry",
            "inbound/site-a/2026/01/01/i1.hl7",
            sha256,
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
            "2026-01-01T11:00:00Z");
    return EnvelopeJson.write(claimCheck.withInlinePayload(oru));
  }

  private static String inlineOru() throws Exception {
    return inlineOru(
        PayloadDigest.sha256Hex(Files.readAllBytes(GOLDEN.resolve("cases/vendor-oru.hl7"))));
  }

  private static SQSEvent event(String body) {
    SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
    m.setMessageId("m-1");
    m.setBody(body);
    m.setEventSourceArn("arn:aws:sqs:us-east-1:000000000000:inbound.fifo");
    SQSEvent event = new SQSEvent();
    event.setRecords(List.of(m));
    return event;
  }

  private static List<String> failed(SQSBatchResponse response) {
    return response.getBatchItemFailures().stream()
        .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
        .toList();
  }

  private OutboundEnvelope hl7Notice() {
    return cloud.sent.stream()
        .filter(s -> s.destination().equals("hospital-a-lis"))
        .map(s -> EnvelopeJson.readOutbound(s.body()))
        .findFirst()
        .orElseThrow();
  }

  private int hl7NoticeBytes() {
    return cloud.sent.stream()
        .filter(s -> s.destination().equals("hospital-a-lis"))
        .findFirst()
        .orElseThrow()
        .body()
        .getBytes(StandardCharsets.UTF_8)
        .length;
  }

  @Test
  void anInlinePayloadConvertsWithoutAnyObjectAndSmallOutputsTravelInline() throws Exception {
    assertEquals(
        List.of(),
        failed(handler(InlinePolicy.defaults()).handleRequest(event(inlineOru()), null)));
    assertEquals(2, cloud.sent.size());
    OutboundEnvelope notice = hl7Notice();
    assertTrue(notice.inline());
    notice.verify(notice.payload());
    String hl7 = new String(notice.payload(), StandardCharsets.UTF_8);
    assertTrue(hl7.startsWith("MSH|^~\\&|FERRY|HOSPA|LIS|HOSPA|20260102030405.000+0000||"), hl7);
    assertEquals(List.of(), List.copyOf(cloud.objects.keySet()), "no output object, no GetObject");
  }

  @Test
  void anInlinePayloadWithAWrongSha256BecomesAnErrorRecordKeepingThePayload() throws Exception {
    String wrong = "0".repeat(64);
    SQSBatchResponse r =
        handler(InlinePolicy.defaults()).handleRequest(event(inlineOru(wrong)), null);
    assertEquals(List.of("m-1"), failed(r));
    assertEquals(0, cloud.sent.size());
    JsonNode error = json.readTree(cloud.text("ferry/errors/site-a/i1.json"));
    assertTrue(
        error.get("reason").asText().startsWith("payload sha256/size mismatch: envelope " + wrong),
        error.toString());
    assertEquals("MSG00001", error.get("controlId").asText());
    assertEquals("inline", error.get("payload").asText());
    assertArrayEquals(
        Files.readAllBytes(GOLDEN.resolve("cases/vendor-oru.hl7")),
        Base64.getDecoder().decode(error.get("payloadBase64").asText()));
  }

  @Test
  void anOutputWhoseEnvelopeIsExactlyTheLimitIsInlineAndOneByteLessMakesItAClaimCheck()
      throws Exception {
    handler(new InlinePolicy(InlinePolicy.SQS_MAX_BYTES)).handleRequest(event(inlineOru()), null);
    int inlineBytes = hl7NoticeBytes();
    byte[] content = hl7Notice().payload();

    cloud.sent.clear();
    cloud.seenDedupIds.clear();
    handler(new InlinePolicy(inlineBytes)).handleRequest(event(inlineOru()), null);
    assertTrue(hl7Notice().inline());
    assertEquals(inlineBytes, hl7NoticeBytes());
    assertFalse(cloud.objects.containsKey(HL7_OUTPUT));

    cloud.sent.clear();
    cloud.seenDedupIds.clear();
    handler(new InlinePolicy(inlineBytes - 1)).handleRequest(event(inlineOru()), null);
    OutboundEnvelope claimCheck = hl7Notice();
    assertFalse(claimCheck.inline());
    assertEquals("ferry/" + claimCheck.key(), HL7_OUTPUT);
    assertArrayEquals(content, cloud.objects.get(HL7_OUTPUT));
    claimCheck.verify(cloud.objects.get(HL7_OUTPUT));
  }
}
