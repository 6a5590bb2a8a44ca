package dev.hl7ferry.converter.destination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The EventBridge request mapping as plain values (no local EventBridge server exists here). */
class EventEntryTest {
  private static final CloudDestination.EventBridge BUS =
      new CloudDestination.EventBridge("vendor-bus", "ai-bus", "hl7ferry.output", "hl7ferry");

  private static Delivery delivery(String contentType, String body) {
    return new Delivery(
        "a".repeat(64),
        "e1",
        "hospital-a",
        "orm-ai",
        "vendor-bus",
        contentType,
        "json",
        body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aJsonOutputIsTheDetailsBodyBesideTheIds() throws IOException {
    EventEntry e = EventEntry.of(BUS, delivery("application/json", "{\"score\":1}"));

    assertEquals("ai-bus", e.busName());
    assertEquals("hl7ferry", e.source());
    assertEquals("hl7ferry.output", e.detailType());
    JsonNode detail = new ObjectMapper().readTree(e.detail());
    assertEquals("a".repeat(64), detail.get("deliveryId").asText());
    assertEquals("e1", detail.get("entryId").asText());
    assertEquals("hospital-a", detail.get("site").asText());
    assertEquals(1, detail.get("body").get("score").asInt());
  }

  @Test
  void anHl7OutputTravelsAsText() throws IOException {
    EventEntry e = EventEntry.of(BUS, delivery("application/hl7-v2", "MSH|^~\\&|A\rPID|1\r"));
    assertEquals(
        "MSH|^~\\&|A\rPID|1\r", new ObjectMapper().readTree(e.detail()).get("bodyText").asText());
  }

  @Test
  void anEntryOverEventBridgesLimitIsRefusedWithItsSize() {
    String big = "{\"x\":\"" + "y".repeat(EventEntry.MAX_ENTRY_BYTES) + "\"}";
    IOException e =
        assertThrows(
            IOException.class, () -> EventEntry.of(BUS, delivery("application/json", big)));
    assertTrue(e.getMessage().contains("exceeds EventBridge's 262144-byte entry limit"));
  }
}
