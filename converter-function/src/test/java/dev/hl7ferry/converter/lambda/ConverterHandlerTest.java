package dev.hl7ferry.converter.lambda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hl7ferry.contract.envelope.EnvelopeJson;
import dev.hl7ferry.contract.envelope.InlinePolicy;
import dev.hl7ferry.contract.envelope.OutboundEnvelope;
import dev.hl7ferry.converter.dispatch.BatchProcessor;
import dev.hl7ferry.converter.dispatch.Keys;
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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The handler end to end over SQS event fixtures (version 1 claim checks), with the cloud faked
 * behind its interfaces. Outputs are claim checks here (inline limit 0) so their objects can be
 * inspected; {@link InlineEnvelopeTest} covers inline envelopes.
 */
class ConverterHandlerTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");
  private final ObjectMapper json = new ObjectMapper();
  private InMemoryCloud cloud;
  private ConverterHandler handler;

  @BeforeEach
  void setUp() throws Exception {
    handler = handlerOver(GOLDEN.resolve("store"));
  }

  private ConverterHandler handlerOver(Path store) throws Exception {
    cloud = new InMemoryCloud();
    cloud.put("ferry", "inbound/site-a/2026/01/01/e1.hl7", read("vendor-oru.hl7"), "");
    cloud.put("ferry", "inbound/site-a/2026/01/01/e2.hl7", read("legacy-adt.hl7"), "");
    cloud.put("ferry", "inbound/site-a/2026/01/01/e3.hl7", read("legacy-adt.hl7"), "");
    Clock clock = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
    RecordProcessor records =
        new RecordProcessor(
            new TemplateCatalog(new FileSystemTemplateStore(store), Duration.ofMinutes(1)),
            cloud,
            cloud,
            new InlinePolicy(0),
            "ferry",
            clock,
            json);
    return new ConverterHandler(new BatchProcessor(records));
  }

  private static byte[] read(String name) throws Exception {
    return Files.readAllBytes(GOLDEN.resolve("cases/" + name));
  }

  private static List<String> failed(SQSBatchResponse response) {
    return response.getBatchItemFailures().stream()
        .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
        .toList();
  }

  @Test
  void fifoBatchReportsTheFirstFailureAndEverythingAfterIt() throws Exception {
    SQSBatchResponse r = handler.handleRequest(SqsEvents.load("/events/fifo-batch.json"), null);
    assertEquals(List.of("m-2", "m-3"), failed(r));
    assertEquals(2, cloud.sent.size(), "only m-1's two outputs were sent");
    assertTrue(cloud.text("ferry/outbound/site-a/old-broker/e3/adt-legacy.hl7") == null);
  }

  /**
   * Found by scripts/chaos: good messages of other groups used to be failed, then dead-lettered.
   */
  @Test
  void fifoBatchHoldsOnlyTheFailedRecordsGroupAndProcessesTheOthers() throws Exception {
    SQSBatchResponse r =
        handler.handleRequest(SqsEvents.load("/events/fifo-batch-two-groups.json"), null);
    // m-2 fails; m-4 is in its group (VENDLAB), after it: held; m-3 (OTHERLAB) is converted.
    assertEquals(List.of("m-2", "m-4"), failed(r));
    assertEquals(3, cloud.sent.size(), "m-1's two outputs and m-3's one");
    assertNotNull(cloud.text("ferry/outbound/site-a/old-broker/e3/adt-legacy.hl7"));
  }

  @Test
  void standardBatchReportsOnlyTheFailedRecord() throws Exception {
    SQSBatchResponse r = handler.handleRequest(SqsEvents.load("/events/standard-batch.json"), null);
    assertEquals(List.of("m-2"), failed(r));
    assertEquals(3, cloud.sent.size());
    assertNotNull(cloud.text("ferry/outbound/site-a/old-broker/e3/adt-legacy.hl7"));
  }

  @Test
  void outputsGoToDeterministicKeysAndTheSitesQueueByDestination() throws Exception {
    handler.handleRequest(SqsEvents.load("/events/standard-batch.json"), null);
    String hl7 = cloud.text("ferry/outbound/site-a/hospital-a-lis/e1/oru-hospital-a.hl7");
    assertTrue(hl7.startsWith("MSH|^~\\&|FERRY|HOSPA|LIS|HOSPA|20260102030405.000+0000||"), hl7);
    assertTrue(hl7.contains("|F") && !hl7.contains("\n"));
    assertNotNull(cloud.text("ferry/outbound/site-a/analytics/e1/oru-analytics.json"));
    OutboundEnvelope notice = EnvelopeJson.readOutbound(cloud.sent.get(0).body());
    assertEquals("outbound/site-a/hospital-a-lis/e1/oru-hospital-a.hl7", notice.key());
    assertEquals("oru-hospital-a", notice.route());
    assertEquals(Keys.sha256Hex(hl7.getBytes(StandardCharsets.UTF_8)), notice.sha256());
    assertEquals("hospital-a-lis", cloud.sent.get(0).destination());
    assertEquals("site-a", cloud.sent.get(0).site());
  }

  @Test
  void checksumMismatchLeavesAnErrorRecord() throws Exception {
    handler.handleRequest(SqsEvents.load("/events/standard-batch.json"), null);
    JsonNode error = json.readTree(cloud.text("ferry/errors/site-a/e2.json"));
    assertTrue(error.get("reason").asText().contains("sha256"), error.toString());
    assertEquals("ADT0042", error.get("controlId").asText());
  }

  @Test
  void redeliveryRewritesTheSameObjectsAndRepeatsTheSameDeduplicationIds() throws Exception {
    handler.handleRequest(SqsEvents.load("/events/standard-batch.json"), null);
    Map<String, byte[]> first = new TreeMap<>(cloud.objects);
    int sends = cloud.sent.size();
    handler.handleRequest(SqsEvents.load("/events/standard-batch.json"), null);
    assertEquals(first.keySet(), cloud.objects.keySet());
    for (String key : first.keySet()) {
      if (!key.startsWith("ferry/errors/")) {
        assertArrayEquals(first.get(key), cloud.objects.get(key), key);
      }
    }
    assertEquals(sends, cloud.sent.size());
    assertEquals(sends, cloud.duplicateSends, "every resend carried an already-seen dedup id");
  }

  @Test
  void brokenTemplateFailsOnlyItsMessagesAndNamesTemplateAndLine(@TempDir Path dir)
      throws Exception {
    copyTree(GOLDEN.resolve("store"), dir);
    Files.writeString(
        dir.resolve("json/oru.json.liquid"),
        "{\n  \"a\": {{ msg[\"MSH-10\"] | json }},\n  {% for %}\n}");
    handler = handlerOver(dir);
    SQSBatchResponse r = handler.handleRequest(SqsEvents.load("/events/standard-batch.json"), null);
    assertEquals(List.of("m-1", "m-2"), failed(r));
    JsonNode error = json.readTree(cloud.text("ferry/errors/site-a/e1.json"));
    assertEquals("json/oru.json.liquid", error.get("template").asText());
    assertEquals(3, error.get("line").asInt(), error.toString());
  }

  private static void copyTree(Path from, Path to) throws Exception {
    try (var files = Files.walk(from)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
