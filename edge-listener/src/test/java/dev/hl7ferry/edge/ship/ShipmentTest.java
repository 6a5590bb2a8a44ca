package dev.hl7ferry.edge.ship;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hl7ferry.edge.TestMessages;
import dev.hl7ferry.edge.spool.SpoolEntry;
import org.junit.jupiter.api.Test;

class ShipmentTest {

  private final ShipSettings settings =
      ShipSettingsBuilder.defaults("north", "bucket-1", "http://q/hl7-ferry-inbound.fifo").build();

  private SpoolEntry entry() {
    InMemorySpool spool = new InMemorySpool();
    spool.add(TestMessages.oru("NORTH^1.2.3^ISO", 7, 300));
    return spool.unshipped(0, 1).get(0);
  }

  @Test
  void theKeyIsTheUtcReceiveDateAndTheEntryId() {
    SpoolEntry e = entry();
    assertEquals("inbound/north/2026/03/07/" + e.id() + ".hl7", Shipment.of(e, settings).key());
  }

  @Test
  void shippingTheSameEntryTwiceGivesTheSameKeyBodyAndIds() {
    SpoolEntry e = entry();
    Shipment a = Shipment.of(e, settings);
    Shipment b = Shipment.of(e, settings);
    assertEquals(a.key(), b.key());
    assertEquals(a.body(), b.body());
    assertEquals(a.groupId(), b.groupId());
    assertEquals(e.id(), a.entryId());
  }

  @Test
  void theEnvelopeIsVersionTwoJsonWithTheHeaderFields() throws Exception {
    SpoolEntry e = entry();
    Shipment s = Shipment.of(e, ShipSettingsBuilder.from(settings).inline(0).build());
    JsonNode json = new ObjectMapper().readTree(s.body());

    assertEquals(2, json.get("version").asInt());
    assertTrue(s.body().startsWith("{\"version\":2,\"id\":"));
    assertEquals(e.id(), json.get("id").asText());
    assertEquals("north", json.get("site").asText());
    assertEquals("bucket-1", json.get("bucket").asText());
    assertEquals(s.key(), json.get("key").asText());
    assertEquals(s.sha256Hex(), json.get("sha256").asText());
    assertEquals(e.message().payload().length, json.get("size").asLong());
    assertEquals("UTF-8", json.get("charset").asText());
    assertEquals("LAB", json.get("sendingApplication").asText());
    assertEquals("NORTH^1.2.3^ISO", json.get("sendingFacility").asText());
    assertEquals("FERRY", json.get("receivingApplication").asText());
    assertEquals("HOSP", json.get("receivingFacility").asText());
    assertEquals("ORU^R01^ORU_R01", json.get("messageType").asText());
    assertEquals("CTL7", json.get("controlId").asText());
    assertEquals("P", json.get("processingId").asText());
    assertEquals("2.5.1", json.get("versionId").asText());
    assertEquals("2026-03-07T23:59:58.130Z", json.get("receivedAt").asText());
    assertEquals(Shipment.parseEnvelope(s.body()).key(), s.key());
  }

  @Test
  void metadataCarriesIdsAndHashButNoMessageContent() {
    Shipment s = Shipment.of(entry(), settings);
    assertEquals("UTF-8", s.metadata().get("charset"));
    assertEquals("ORU^R01^ORU_R01", s.metadata().get("message-type"));
    assertEquals("CTL7", s.metadata().get("control-id"));
    assertEquals(s.sha256Hex(), s.metadata().get("sha256"));
    assertFalse(s.metadata().values().stream().anyMatch(v -> v.contains("DOE")));
  }

  @Test
  void theGroupIsTheSendingFacilityByDefaultOrTheConfiguredField() {
    SpoolEntry e = entry();
    assertEquals("NORTH^1.2.3^ISO", Shipment.of(e, settings).groupId());
    assertEquals(
        "LAB",
        Shipment.of(
                e,
                ShipSettingsBuilder.from(settings).groupKey(GroupKey.SENDING_APPLICATION).build())
            .groupId());
    assertEquals(
        "north",
        Shipment.of(e, ShipSettingsBuilder.from(settings).groupKey(GroupKey.SITE).build())
            .groupId());
  }

  @Test
  void settingsNameTheKeyThatIsWrong() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ShipSettingsBuilder.defaults("north", "b", "http://q/inbound.fifo")
                    .batching(10, 11, 4)
                    .build());
    assertEquals("ship.send-batch-size: 1 to 10 (SQS limit)", e.getMessage());
  }
}
