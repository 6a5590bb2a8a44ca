package dev.hl7ferry.contract.envelope;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class InlinePolicyTest {

  /** A claim check for {@code payload} whose MSH-4 is {@code facility}. */
  private static InboundEnvelope claimCheck(byte[] payload, String facility) {
    InboundEnvelope e = EnvelopeJsonTest.inbound(2);
    return new InboundEnvelope(
        2,
        e.id(),
        e.site(),
        e.bucket(),
        e.key(),
        PayloadDigest.sha256Hex(payload),
        payload.length,
        e.charset(),
        e.sendingApplication(),
        facility,
        e.receivingApplication(),
        e.receivingFacility(),
        e.messageType(),
        e.controlId(),
        e.processingId(),
        e.versionId(),
        e.receivedAt());
  }

  private static int bodyBytes(InboundEnvelope e) {
    return EnvelopeJson.write(e).getBytes(StandardCharsets.UTF_8).length;
  }

  private static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    new Random(n).nextBytes(b);
    return b;
  }

  /**
   * A payload of about {@code max} bytes of body and an MSH-4 padded so that the inline body is
   * exactly {@code max} bytes (base64 grows 4 characters at a time, the padding fills the rest).
   */
  private static InboundEnvelope exactlyAt(int max) {
    String facility = "NORTH";
    int base = bodyBytes(claimCheck(new byte[0], facility).withInlinePayload(new byte[0]));
    // two base64 quanta of slack: the size property grows from "0" to up to 7 digits
    byte[] payload = randomBytes(((max - base) / 4 - 2) * 3);
    InboundEnvelope e = claimCheck(payload, facility).withInlinePayload(payload);
    String padded = facility + "x".repeat(max - bodyBytes(e));
    return claimCheck(payload, padded);
  }

  @Test
  void byteLengthIsTheExactUtf8LengthOfTheWrittenBody() {
    for (int n = 0; n < 8; n++) {
      byte[] payload = randomBytes(n);
      InboundEnvelope claim = claimCheck(payload, "M\u00fcnchen \u6771\u4eac \uD83D\uDE91");
      assertEquals(bodyBytes(claim), EnvelopeJson.byteLength(claim), "claim check, n=" + n);
      InboundEnvelope inline = claim.withInlinePayload(payload);
      assertEquals(bodyBytes(inline), EnvelopeJson.byteLength(inline), "inline, n=" + n);
    }
    OutboundEnvelope out = EnvelopeJsonTest.outbound(2);
    byte[] output = randomBytes(164);
    OutboundEnvelope inlineOut =
        new InlinePolicy(InlinePolicy.SQS_MAX_BYTES)
            .choose(
                new OutboundEnvelope(
                    2,
                    out.id(),
                    out.site(),
                    out.route(),
                    out.destination(),
                    out.template(),
                    out.bucket(),
                    out.key(),
                    PayloadDigest.sha256Hex(output),
                    output.length,
                    out.contentType()),
                output);
    assertTrue(inlineOut.inline());
    assertEquals(
        EnvelopeJson.write(inlineOut).getBytes(StandardCharsets.UTF_8).length,
        EnvelopeJson.byteLength(inlineOut));
  }

  @Test
  void aBodyOfExactlyTheDefaultLimitIsInlineAndOneByteMoreIsAClaimCheck() {
    InboundEnvelope claim = exactlyAt(InlinePolicy.DEFAULT_MAX_BYTES);
    byte[] payload = randomBytes((int) claim.size());
    InlinePolicy policy = InlinePolicy.defaults();

    InboundEnvelope chosen = policy.choose(claim, payload);
    assertTrue(chosen.inline());
    assertEquals(65_536, bodyBytes(chosen));
    InboundEnvelope read = EnvelopeJson.readInbound(EnvelopeJson.write(chosen));
    read.verify(read.payload());
    assertArrayEquals(payload, read.payload());

    InboundEnvelope oneMore = claimCheck(payload, claim.sendingFacility() + "x");
    assertEquals(65_537, bodyBytes(oneMore.withInlinePayload(payload)));
    InboundEnvelope over = policy.choose(oneMore, payload);
    assertSame(oneMore, over);
    assertFalse(over.inline());
  }

  @Test
  void theSqsCeilingIsTheLargestLimitAndAlsoExact() {
    InboundEnvelope claim = exactlyAt(InlinePolicy.SQS_MAX_BYTES);
    byte[] payload = randomBytes((int) claim.size());
    InlinePolicy policy = new InlinePolicy(InlinePolicy.SQS_MAX_BYTES);
    assertEquals(1_048_576, bodyBytes(policy.choose(claim, payload)));
    InboundEnvelope oneMore = claimCheck(payload, claim.sendingFacility() + "x");
    assertFalse(policy.choose(oneMore, payload).inline());
  }

  @Test
  void zeroTurnsInliningOffAndLimitsOutsideSqsAreRefused() {
    byte[] payload = randomBytes(1);
    InboundEnvelope claim = claimCheck(payload, "NORTH");
    assertSame(claim, new InlinePolicy(0).choose(claim, payload));
    assertEquals(
        "inline max bytes must be 0 to 1048576 (1 MiB), was 1048577",
        assertThrows(IllegalArgumentException.class, () -> new InlinePolicy(1_048_577))
            .getMessage());
    assertThrows(IllegalArgumentException.class, () -> new InlinePolicy(-1));
  }

  @Test
  void chooseRefusesAPayloadOfAnotherSizeThanTheEnvelopeStates() {
    byte[] payload = randomBytes(10);
    InboundEnvelope claim = claimCheck(payload, "NORTH");
    assertThrows(
        IllegalArgumentException.class,
        () -> InlinePolicy.defaults().choose(claim, Arrays.copyOf(payload, 9)));
    InboundEnvelope inline = claim.withInlinePayload(payload);
    assertThrows(
        IllegalArgumentException.class, () -> InlinePolicy.defaults().choose(inline, payload));
  }
}
