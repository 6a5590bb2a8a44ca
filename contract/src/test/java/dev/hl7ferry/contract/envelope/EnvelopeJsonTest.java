package dev.hl7ferry.contract.envelope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EnvelopeJsonTest {
  private static final String ID =
      "3f7c9a0e5b1d2c4e6f8a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e";

  private static InboundEnvelope inbound() {
    return new InboundEnvelope(
        InboundEnvelope.VERSION,
        ID,
        "north",
        "hl7-ferry-north",
        "inbound/north/2026/03/07/" + ID + ".hl7",
        "a6de5b10982a5bf25d7949126010bede4dee48f6130f6b2af9948287f4b3f519",
        515,
        "UTF-8",
        "LAB",
        "NORTH^1.2.3^ISO",
        "FERRY",
        "HOSP",
        "ORU^R01^ORU_R01",
        "CTL7",
        "P",
        "2.5.1",
        "2026-03-07T23:59:58.130Z");
  }

  private static OutboundEnvelope outbound() {
    return new OutboundEnvelope(
        OutboundEnvelope.VERSION,
        ID,
        "north",
        "oru-hospital-a",
        "hospital-a-lis",
        "hospital-a/oru.hl7.liquid",
        "hl7-ferry-north",
        "outbound/north/hospital-a-lis/" + ID + "/oru-hospital-a.hl7",
        "12807d32d4d1613cfd23782884a781f1b8bcf4e9ead76059ee85cd927c9b2f2e",
        164,
        "application/hl7-v2");
  }

  private static String fixture(String name) throws IOException {
    try (InputStream in = EnvelopeJsonTest.class.getResourceAsStream("/envelope/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    }
  }

  @Test
  void anInboundEnvelopeSurvivesARoundTrip() {
    assertEquals(inbound(), EnvelopeJson.readInbound(EnvelopeJson.write(inbound())));
  }

  @Test
  void anOutboundEnvelopeSurvivesARoundTrip() {
    assertEquals(outbound(), EnvelopeJson.readOutbound(EnvelopeJson.write(outbound())));
  }

  @Test
  void theInboundEnvelopeIsWrittenExactlyAsTheGoldenFixture() throws IOException {
    assertEquals(fixture("inbound-v1.json"), EnvelopeJson.write(inbound()));
    assertEquals(inbound(), EnvelopeJson.readInbound(fixture("inbound-v1.json")));
  }

  @Test
  void theOutboundEnvelopeIsWrittenExactlyAsTheGoldenFixture() throws IOException {
    assertEquals(fixture("outbound-v1.json"), EnvelopeJson.write(outbound()));
    assertEquals(outbound(), EnvelopeJson.readOutbound(fixture("outbound-v1.json")));
  }

  @Test
  void anUnknownVersionIsRejectedNamingBothVersions() throws IOException {
    String v2 = fixture("inbound-v1.json").replace("\"version\":1", "\"version\":2");
    EnvelopeException e = assertThrows(EnvelopeException.class, () -> EnvelopeJson.readInbound(v2));
    assertEquals("envelope version 2 is not supported (this reader knows 1)", e.getMessage());
    String out2 = fixture("outbound-v1.json").replace("\"version\":1", "\"version\":2");
    assertThrows(EnvelopeException.class, () -> EnvelopeJson.readOutbound(out2));
  }

  @Test
  void anEnvelopeWithoutVersionIsRejected() throws IOException {
    String none = fixture("inbound-v1.json").replace("\"version\":1,", "");
    EnvelopeException e =
        assertThrows(EnvelopeException.class, () -> EnvelopeJson.readInbound(none));
    assertEquals("envelope.version is missing", e.getMessage());
  }

  @Test
  void unknownPropertiesAreIgnoredSoWritersMayAddSome() throws IOException {
    String more =
        fixture("inbound-v1.json").replace("{\"version\":1,", "{\"version\":1,\"x\":[1],");
    assertEquals(inbound(), EnvelopeJson.readInbound(more));
  }

  @Test
  void aMissingOrBadPropertyIsNamed() throws IOException {
    String noKey = fixture("inbound-v1.json").replace("\"key\":", "\"keys\":");
    assertEquals(
        "envelope.key is missing",
        assertThrows(EnvelopeException.class, () -> EnvelopeJson.readInbound(noKey)).getMessage());
    String badSite = fixture("outbound-v1.json").replace("\"north\"", "\"../north\"");
    assertTrue(
        assertThrows(EnvelopeException.class, () -> EnvelopeJson.readOutbound(badSite))
            .getMessage()
            .startsWith("envelope.site must be"));
    String upperHash = fixture("inbound-v1.json").replace("a6de5b", "A6DE5B");
    assertEquals(
        "envelope.sha256 must be 64 lowercase hex digits",
        assertThrows(EnvelopeException.class, () -> EnvelopeJson.readInbound(upperHash))
            .getMessage());
  }

  @Test
  void textThatIsNotJsonIsRejectedWithItsCause() {
    EnvelopeException e =
        assertThrows(EnvelopeException.class, () -> EnvelopeJson.readInbound("{not json"));
    assertTrue(e.getMessage().startsWith("envelope is not valid JSON"));
    assertTrue(e.getCause() != null);
  }
}
