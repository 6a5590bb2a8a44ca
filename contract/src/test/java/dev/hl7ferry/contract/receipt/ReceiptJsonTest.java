package dev.hl7ferry.contract.receipt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReceiptJsonTest {
  private static final String ID =
      "3f7c9a0e5b1d2c4e6f8a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e";

  private static DeliveryReceipt delivered() {
    return new DeliveryReceipt(
        DeliveryReceipt.VERSION,
        ID,
        "north",
        "hospital-a-lis",
        ReceiptOutcome.DELIVERED,
        "AA",
        null,
        2,
        "2026-03-08T00:00:01.250Z",
        "2026-03-08T00:00:03.900Z",
        "CTL7");
  }

  private static DeliveryReceipt deadLettered() {
    return new DeliveryReceipt(
        DeliveryReceipt.VERSION,
        ID,
        "north",
        "hospital-a-lis",
        ReceiptOutcome.DEAD_LETTERED,
        "AE",
        "207 Application internal error",
        3,
        "2026-03-08T00:00:01.250Z",
        "2026-03-08T00:00:09.000Z",
        "CTL7");
  }

  private static String fixture(String name) throws IOException {
    try (InputStream in = ReceiptJsonTest.class.getResourceAsStream("/receipt/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    }
  }

  @Test
  void aDeliveredReceiptIsWrittenExactlyAsTheGoldenFixture() throws IOException {
    assertEquals(fixture("delivered-v1.json"), ReceiptJson.write(delivered()));
    assertEquals(delivered(), ReceiptJson.read(fixture("delivered-v1.json")));
  }

  @Test
  void theBytesWrittenAreTheGoldenFixtureInUtf8() throws IOException {
    assertEquals(
        fixture("delivered-v1.json"),
        new String(ReceiptJson.writeBytes(delivered()), StandardCharsets.UTF_8));
    assertEquals(
        fixture("dead-lettered-v1.json"),
        new String(ReceiptJson.writeBytes(deadLettered()), StandardCharsets.UTF_8));
  }

  @Test
  void aDeadLetteredReceiptIsWrittenExactlyAsTheGoldenFixture() throws IOException {
    assertEquals(fixture("dead-lettered-v1.json"), ReceiptJson.write(deadLettered()));
    assertEquals(deadLettered(), ReceiptJson.read(fixture("dead-lettered-v1.json")));
  }

  @Test
  void msa3IsCutToTwoHundredCharactersWithoutSplittingASurrogatePair() {
    String longText = "x".repeat(199) + "\uD83D\uDE00" + "tail";
    DeliveryReceipt r =
        new DeliveryReceipt(
            1, ID, "north", "d", ReceiptOutcome.DEAD_LETTERED, "AE", longText, 1, "", "", "C");
    assertEquals("x".repeat(199), r.msa3());
    DeliveryReceipt plain =
        new DeliveryReceipt(
            1,
            ID,
            "north",
            "d",
            ReceiptOutcome.DEAD_LETTERED,
            "AE",
            "y".repeat(500),
            1,
            "",
            "",
            "C");
    assertEquals(DeliveryReceipt.MAX_MSA3, plain.msa3().length());
  }

  @Test
  void theReceiptHasNoPropertyBeyondTheDocumentedOnes() throws IOException {
    // A guard against a payload or field value slipping into the receipt later.
    String json = ReceiptJson.write(deadLettered());
    var names = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).fieldNames();
    var found = new java.util.ArrayList<String>();
    names.forEachRemaining(found::add);
    assertEquals(
        java.util.List.of(
            "version",
            "id",
            "site",
            "destination",
            "outcome",
            "msa1",
            "msa3",
            "attempts",
            "firstAttemptAt",
            "endedAt",
            "controlId"),
        found);
  }

  @Test
  void anUnknownVersionIsRejectedNamingBothVersions() throws IOException {
    String v2 = fixture("delivered-v1.json").replace("\"version\":1", "\"version\":2");
    assertEquals(
        "receipt version 2 is not supported (this reader knows 1)",
        assertThrows(ReceiptException.class, () -> ReceiptJson.read(v2)).getMessage());
  }

  @Test
  void aMissingOrBadPropertyIsNamed() throws IOException {
    String noDestination =
        fixture("delivered-v1.json").replace("\"destination\":", "\"destinations\":");
    assertEquals(
        "receipt.destination is missing",
        assertThrows(ReceiptException.class, () -> ReceiptJson.read(noDestination)).getMessage());
    String badSite = fixture("delivered-v1.json").replace("\"north\"", "\"../north\"");
    assertTrue(
        assertThrows(ReceiptException.class, () -> ReceiptJson.read(badSite))
            .getMessage()
            .startsWith("receipt.site must be"));
    String badTime = fixture("delivered-v1.json").replace("2026-03-08T00:00:03.900Z", "yesterday");
    assertEquals(
        "receipt.endedAt must be an ISO-8601 UTC instant",
        assertThrows(ReceiptException.class, () -> ReceiptJson.read(badTime)).getMessage());
    String noAttempts = fixture("delivered-v1.json").replace("\"attempts\":2", "\"attempts\":0");
    assertEquals(
        "receipt.attempts must be at least 1 when DELIVERED",
        assertThrows(ReceiptException.class, () -> ReceiptJson.read(noAttempts)).getMessage());
    String negative = fixture("delivered-v1.json").replace("\"attempts\":2", "\"attempts\":-1");
    assertEquals(
        "receipt.attempts must not be negative",
        assertThrows(ReceiptException.class, () -> ReceiptJson.read(negative)).getMessage());
  }

  @Test
  void aDeadLetterWithoutAnAttemptIsRead() throws IOException {
    String body =
        fixture("dead-lettered-v1.json").replaceAll("\"attempts\":\\d+", "\"attempts\":0");
    assertEquals(0, ReceiptJson.read(body).attempts());
  }

  @Test
  void anUnknownOutcomeIsRejectedWithItsCause() throws IOException {
    String lost = fixture("delivered-v1.json").replace("\"DELIVERED\"", "\"LOST\"");
    ReceiptException e = assertThrows(ReceiptException.class, () -> ReceiptJson.read(lost));
    assertTrue(e.getMessage().startsWith("receipt is not valid JSON"));
    assertTrue(e.getCause() != null);
  }

  @Test
  void unknownPropertiesAreIgnoredSoWritersMayAddSome() throws IOException {
    String more =
        fixture("delivered-v1.json").replace("{\"version\":1,", "{\"version\":1,\"x\":2,");
    assertEquals(delivered(), ReceiptJson.read(more));
  }
}
