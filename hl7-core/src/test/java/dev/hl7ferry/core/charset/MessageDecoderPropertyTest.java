package dev.hl7ferry.core.charset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.hl7ferry.core.error.Hl7ParseException;
import dev.hl7ferry.core.fuzz.Fuzz;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Charset decoding with any MSH-18 (arbitrary bytes or a real label) and any body bytes: a parsed
 * message or {@link Hl7ParseException}, under every policy, without hanging.
 */
class MessageDecoderPropertyTest {
  private static final Duration LIMIT = Duration.ofSeconds(5);
  private static final byte[] HEAD =
      "MSH|^~\\&|APP|FAC|RCV|RF|20260101||ADT^A01|C1|P|2.5||||||"
          .getBytes(StandardCharsets.US_ASCII);

  /** MSH-18 as a real or odd label, or as any bytes. */
  static byte[] msh18(Fuzz fuzz) {
    if (fuzz.bool()) {
      return fuzz.bytes(20);
    }
    return fuzz.oneOf(
            "UNICODE UTF-8",
            "8859/1",
            "8859/15",
            "ISO IR87",
            "ISO IR159",
            "UNICODE UTF-16",
            "UNICODE UTF-32",
            "GB 18030-2000",
            "KS X 1001",
            "BIG-5",
            "ASCII",
            "",
            "utf-8",
            "x-unknown")
        .getBytes(StandardCharsets.US_ASCII);
  }

  static CharsetPolicy policy(Fuzz fuzz) {
    return fuzz.oneOf(
        CharsetPolicy.DEFAULT,
        new CharsetPolicy(StandardCharsets.UTF_8, false, true),
        new CharsetPolicy(StandardCharsets.UTF_8, false, false),
        new CharsetPolicy(StandardCharsets.ISO_8859_1, true, false));
  }

  @Test
  void anyMsh18AndBodyDecodesOrThrowsOnlyAParseException() {
    Fuzz.forAll(
        fuzz -> {
          byte[] message =
              concat(
                  HEAD,
                  msh18(fuzz),
                  "\rPID|1||".getBytes(StandardCharsets.US_ASCII),
                  fuzz.bytes(200));
          CharsetPolicy policy = policy(fuzz);
          assertTimeoutPreemptively(
              LIMIT,
              () -> {
                try {
                  new MessageDecoder(policy).decode(message).message().segments();
                } catch (Hl7ParseException e) {
                  // documented: bytes invalid in the declared charset (strict policy)
                }
                try {
                  MessageDecoder.readHeader(message, 0, message.length);
                } catch (Hl7ParseException e) {
                  // documented
                }
              });
        });
  }

  @Test
  void anyBytesAtAllDecodeOrThrowOnlyAParseException() {
    Fuzz.forAll(
        fuzz -> {
          byte[] bytes = fuzz.bytes(200);
          CharsetPolicy policy = policy(fuzz);
          assertTimeoutPreemptively(
              LIMIT,
              () -> {
                try {
                  new MessageDecoder(policy).decode(bytes).message().header();
                } catch (Hl7ParseException e) {
                  // documented
                }
              });
        });
  }

  @Test
  void aLabelledUtf8MessageDecodesToItsText() {
    Fuzz.forAll(
        fuzz -> {
          String value = fuzz.string(255);
          String text = "MSH|^~\\&|A|B|C|D|1||ADT^A01|C1|P|2.5||||||UNICODE UTF-8\rNTE|1||" + value;
          byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
          try {
            assertEquals(
                text, new MessageDecoder(CharsetPolicy.DEFAULT).decode(bytes).message().text());
          } catch (Hl7ParseException e) {
            // Lone surrogates are not valid UTF-8 once encoded: the strict policy refuses them.
            assertEquals(
                true, value.chars().anyMatch(c -> Character.isSurrogate((char) c)), e::toString);
          }
        });
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
