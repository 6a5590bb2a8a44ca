package dev.hl7ferry.contract.envelope;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EnvelopeJsonTest {
  static final String ID = "3f7c9a0e5b1d2c4e6f8a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e";

  static InboundEnvelope inbound(int version) {
    return new InboundEnvelope(
        version,
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

  static OutboundEnvelope outbound(int version) {
    return new OutboundEnvelope(
        version,
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

  /** The inline fixture's envelope: an ISO-8859-1 ADT^A08, not valid UTF-8. */
  private static InboundEnvelope inboundInline() throws IOException {
    byte[] payload = bytes("inline-payload-latin1.hl7");
    return new InboundEnvelope(
        2,
        ID,
        "north",
        null,
        null,
        "d524d0ed31600a9c3a3f3d63442d18b0133ea9a9272c4934f961c2e7226e4e69",
        136,
        "ISO-8859-1",
        "LAB",
        "NORTH^1.2.3^ISO",
        "FERRY",
        "HOSP",
        "ADT^A08^ADT_A01",
        "CTL8",
        "P",
        "2.5.1",
        "2026-03-07T23:59:58.130Z",
        payload);
  }

  private static OutboundEnvelope outboundInline() throws IOException {
    byte[] output = bytes("inline-output.hl7");
    return new OutboundEnvelope(
        2,
        ID,
        "north",
        "oru-hospital-a",
        "hospital-a-lis",
        "hospital-a/oru.hl7.liquid",
        null,
        null,
        "63c2144f4819725f4329b438d82a872282566e1aa466a9d7d6542d94a98cc134",
        111,
        "application/hl7-v2",
        output);
  }

  static byte[] bytes(String name) throws IOException {
    try (InputStream in = EnvelopeJsonTest.class.getResourceAsStream("/envelope/" + name)) {
      return in.readAllBytes();
    }
  }

  static String fixture(String name) throws IOException {
    return new String(bytes(name), StandardCharsets.UTF_8).strip();
  }

  @Test
  void versionOneFixturesStillReadAsClaimChecks() throws IOException {
    InboundEnvelope in = EnvelopeJson.readInbound(fixture("inbound-v1.json"));
    assertEquals(inbound(1), in);
    assertFalse(in.inline());
    assertEquals(outbound(1), EnvelopeJson.readOutbound(fixture("outbound-v1.json")));
  }

  @Test
  void versionOneIsNoLongerWritten() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> EnvelopeJson.write(inbound(1)));
    assertEquals(
        "envelope of id " + ID + " has version 1: only version 2 is written", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> EnvelopeJson.write(outbound(1)));
  }

  @Test
  void versionTwoClaimChecksAreWrittenExactlyAsTheGoldenFixtures() throws IOException {
    assertEquals(fixture("inbound-v2-claim-check.json"), EnvelopeJson.write(inbound(2)));
    assertEquals(inbound(2), EnvelopeJson.readInbound(fixture("inbound-v2-claim-check.json")));
    assertEquals(fixture("outbound-v2-claim-check.json"), EnvelopeJson.write(outbound(2)));
    assertEquals(outbound(2), EnvelopeJson.readOutbound(fixture("outbound-v2-claim-check.json")));
  }

  @Test
  void versionTwoInlineEnvelopesAreWrittenExactlyAsTheGoldenFixtures() throws IOException {
    assertEquals(fixture("inbound-v2-inline.json"), EnvelopeJson.write(inboundInline()));
    assertEquals(fixture("outbound-v2-inline.json"), EnvelopeJson.write(outboundInline()));
    assertEquals(outboundInline(), EnvelopeJson.readOutbound(fixture("outbound-v2-inline.json")));
  }

  @Test
  void anInlineNonUtf8PayloadReadsBackByteForByteAndVerifies() throws IOException {
    InboundEnvelope read = EnvelopeJson.readInbound(fixture("inbound-v2-inline.json"));
    assertEquals(inboundInline(), read);
    assertTrue(read.inline());
    assertNull(read.bucket());
    assertArrayEquals(bytes("inline-payload-latin1.hl7"), read.payload());
    read.verify(read.payload());
  }

  @Test
  void verifyNamesBothDigestsWhenTheBytesDiffer() throws IOException {
    InboundEnvelope read = EnvelopeJson.readInbound(fixture("inbound-v2-inline.json"));
    byte[] changed = read.payload().clone();
    changed[changed.length - 2] ^= 1;
    PayloadMismatchException e =
        assertThrows(PayloadMismatchException.class, () -> read.verify(changed));
    assertTrue(
        e.getMessage()
            .startsWith(
                "payload sha256/size mismatch: envelope d524d0ed31600a9c3a3f3d63442d18b0133ea9a9"
                    + "272c4934f961c2e7226e4e69/136, payload "),
        e.getMessage());
    byte[] shorter = java.util.Arrays.copyOf(read.payload(), 135);
    assertThrows(PayloadMismatchException.class, () -> read.verify(shorter));
  }

  @Test
  void aVersionTwoEnvelopeMustStateItsSizeExactly() throws IOException {
    String zero = fixture("inbound-v2-inline.json").replace("\"size\":136", "\"size\":0");
    InboundEnvelope read = EnvelopeJson.readInbound(zero);
    assertThrows(PayloadMismatchException.class, () -> read.verify(read.payload()));
  }

  @Test
  void anUnknownVersionIsRejectedNamingTheKnownOnes() throws IOException {
    String v3 = fixture("inbound-v2-inline.json").replace("\"version\":2", "\"version\":3");
    EnvelopeException e = assertThrows(EnvelopeException.class, () -> EnvelopeJson.readInbound(v3));
    assertEquals("envelope version 3 is not supported (this reader knows 1 and 2)", e.getMessage());
    String out3 = fixture("outbound-v1.json").replace("\"version\":1", "\"version\":3");
    assertThrows(EnvelopeException.class, () -> EnvelopeJson.readOutbound(out3));
  }

  @Test
  void anEnvelopeWithoutVersionIsRejected() throws IOException {
    String none = fixture("inbound-v1.json").replace("\"version\":1,", "");
    EnvelopeException e =
        assertThrows(EnvelopeException.class, () -> EnvelopeJson.readInbound(none));
    assertEquals("envelope.version is missing", e.getMessage());
  }

  @Test
  void aVersionTwoEnvelopeCarriesExactlyOneOfPayloadOrClaimCheck() throws IOException {
    String both =
        fixture("outbound-v2-inline.json")
            .replace("\"sha256\"", "\"bucket\":\"b\",\"key\":\"k\",\"sha256\"");
    assertEquals(
        "envelope has payloadBase64 and bucket/key: exactly one of inline payload or claim check"
            + " is allowed",
        assertThrows(EnvelopeException.class, () -> EnvelopeJson.readOutbound(both)).getMessage());
    String neither =
        fixture("inbound-v2-claim-check.json").replaceAll("\"(bucket|key)\":\"[^\"]*\",", "");
    assertEquals(
        "envelope has neither payloadBase64 nor bucket and key",
        assertThrows(EnvelopeException.class, () -> EnvelopeJson.readInbound(neither))
            .getMessage());
    OutboundEnvelope o = outbound(2);
    OutboundEnvelope withBoth =
        new OutboundEnvelope(
            2,
            o.id(),
            o.site(),
            o.route(),
            o.destination(),
            o.template(),
            o.bucket(),
            o.key(),
            o.sha256(),
            o.size(),
            o.contentType(),
            new byte[164]);
    assertThrows(IllegalArgumentException.class, () -> EnvelopeJson.write(withBoth));
  }

  @Test
  void versionOneCannotCarryAnInlinePayload() throws IOException {
    String v1 =
        fixture("inbound-v2-inline.json")
            .replace("\"version\":2", "\"version\":1")
            .replace("\"sha256\"", "\"bucket\":\"b\",\"key\":\"k\",\"sha256\"");
    assertEquals(
        "envelope.payloadBase64 is not allowed in version 1",
        assertThrows(EnvelopeException.class, () -> EnvelopeJson.readInbound(v1)).getMessage());
  }

  @Test
  void badBase64IsNamedWithoutQuotingThePayload() throws IOException {
    String bad =
        fixture("inbound-v2-inline.json").replace("\"payloadBase64\":\"", "\"payloadBase64\":\"*");
    EnvelopeException e =
        assertThrows(EnvelopeException.class, () -> EnvelopeJson.readInbound(bad));
    assertEquals("envelope.payloadBase64 is not base64", e.getMessage());
    assertTrue(e.getCause() != null);
  }

  @Test
  void unknownPropertiesAreIgnoredSoWritersMayAddSome() throws IOException {
    String more =
        fixture("inbound-v1.json").replace("{\"version\":1,", "{\"version\":1,\"x\":[1],");
    assertEquals(inbound(1), EnvelopeJson.readInbound(more));
  }

  @Test
  void aMissingOrBadPropertyIsNamed() throws IOException {
    String noKey = fixture("inbound-v1.json").replace("\"key\":", "\"keys\":");
    assertEquals(
        "envelope.key is missing",
        assertThrows(EnvelopeException.class, () -> EnvelopeJson.readInbound(noKey)).getMessage());
    String badSite = fixture("outbound-v2-inline.json").replace("\"north\"", "\"../north\"");
    assertTrue(
        assertThrows(EnvelopeException.class, () -> EnvelopeJson.readOutbound(badSite))
            .getMessage()
            .startsWith("envelope.site must be"));
    String upperHash = fixture("inbound-v1.json").replace("a6de5b", "A6DE5B");
    assertEquals(
        "envelope.sha256 must be 64 lowercase hex digits",
        assertThrows(EnvelopeException.class, () -> EnvelopeJson.readInbound(upperHash))
            .getMessage());
    String negative = fixture("inbound-v2-inline.json").replace("\"size\":136", "\"size\":-1");
    assertEquals(
        "envelope.size must not be negative",
        assertThrows(EnvelopeException.class, () -> EnvelopeJson.readInbound(negative))
            .getMessage());
  }

  @Test
  void textThatIsNotJsonIsRejectedWithItsCause() {
    EnvelopeException e =
        assertThrows(EnvelopeException.class, () -> EnvelopeJson.readInbound("{not json"));
    assertTrue(e.getMessage().startsWith("envelope is not valid JSON"));
    assertTrue(e.getCause() != null);
  }

  @Test
  void toStringNamesNoPayloadContent() throws IOException {
    String text = inboundInline().toString();
    assertTrue(text.contains("size=136 inline"), text);
    assertFalse(text.contains("ller"), text);
    assertFalse(text.contains("NORTH"), text);
  }
}
