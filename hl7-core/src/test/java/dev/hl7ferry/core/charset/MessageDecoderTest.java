package dev.hl7ferry.core.charset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hl7ferry.core.error.ErrorCode;
import dev.hl7ferry.core.error.Hl7ParseException;
import dev.hl7ferry.core.message.MessageHeader;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** MSH is read from the raw bytes first; the message is then decoded in its declared charset. */
class MessageDecoderTest {
  private final MessageDecoder decoder = new MessageDecoder(CharsetPolicy.DEFAULT);

  static String message(String msh18, String name) {
    return "MSH|^~\\&|APP|FAC|RAPP|RFAC|20260101||ADT^A01^ADT_A01|C1|P|2.5||||||"
        + msh18
        + "\rPID|1||X1||"
        + name
        + "^TEST\r";
  }

  @ParameterizedTest(name = "{0} as {1}: {2}")
  @CsvSource({
    "8859/1, ISO-8859-1, LEFÈVRE-ÇÀÜß, windows-1252",
    "8859/2, ISO-8859-2, ŻÓŁKIEWSKA, ISO-8859-2",
    "8859/7, ISO-8859-7, ΠΑΠΑΔΟΠΟΥΛΟΥ, ISO-8859-7",
    "8859/15, ISO-8859-15, Œuvre€, ISO-8859-15",
    "UNICODE UTF-8, UTF-8, ÅSTRØM東京✓, UTF-8",
    "GB 18030-2000, GB18030, 张伟, GB18030",
    "BIG-5, Big5, 陳大文, Big5",
    "KS X 1001, EUC-KR, 김민수, EUC-KR",
    "ISO IR87, ISO-2022-JP, 山田, ISO-2022-JP",
  })
  void nonAsciiTextIsDecodedInTheDeclaredCharset(
      String msh18, String writtenIn, String name, String decodedWith) throws Exception {
    byte[] bytes = message(msh18, name).getBytes(Charset.forName(writtenIn));
    DecodedMessage decoded = decoder.decode(bytes);
    assertEquals(name, decoded.message().get("PID-5"));
    assertEquals(Charset.forName(decodedWith), decoded.charset());
    assertFalse(decoded.fallbackUsed());
    assertEquals(msh18, MessageDecoder.readHeader(bytes, 0, bytes.length).characterSet());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"UTF-16LE", "UTF-16BE", "UTF-16", "UTF-32BE", "UTF-32LE"})
  void wideCharsetsAreRecognisedByTheirBytes(String charset) throws Exception {
    byte[] bytes = message("UNICODE UTF-16", "山田").getBytes(Charset.forName(charset));
    assertEquals("山田", decoder.decode(bytes).message().get("PID-5"));
    assertEquals("C1", MessageDecoder.readHeader(bytes, 0, bytes.length).controlId());
  }

  @Test
  void windows1252BytesLabelled8859Slash1DecodeAsWindows1252() throws Exception {
    byte[] bytes =
        message("8859/1", "EURO\u20ac\u201cQ\u201d").getBytes(Charset.forName("windows-1252"));
    assertTrue(new String(bytes, StandardCharsets.ISO_8859_1).contains("\u0080"));
    assertEquals("EURO€“Q”", decoder.decode(bytes).message().get("PID-5"));
  }

  @Test
  void bytesUndefinedInWindows1252ButValidLatin1AreReadAsTheLabelSays() throws Exception {
    byte[] bytes = message("8859/1", "A\u0081B").getBytes(StandardCharsets.ISO_8859_1);
    DecodedMessage decoded = decoder.decode(bytes);
    assertEquals("A\u0081B", decoded.message().get("PID-5"));
    assertEquals(StandardCharsets.ISO_8859_1, decoded.charset());
  }

  @Test
  void anEmptyOrUnknownMsh18UsesTheFallbackAndSaysSo() throws Exception {
    byte[] bytes = message("", "CAFÉ").getBytes(StandardCharsets.ISO_8859_1);
    DecodedMessage decoded = decoder.decode(bytes);
    assertTrue(decoded.fallbackUsed());
    assertEquals("CAFÉ", decoded.message().get("PID-5"));
    DecodedMessage utf8Fallback =
        new MessageDecoder(new CharsetPolicy(StandardCharsets.UTF_8, true, true))
            .decode(message("NONSENSE", "CAFÉ").getBytes(StandardCharsets.UTF_8));
    assertTrue(utf8Fallback.fallbackUsed());
    assertEquals("CAFÉ", utf8Fallback.message().get("PID-5"));
  }

  @Test
  void invalidBytesInStrictModeAreATypedErrorThatStillCarriesTheHeader() {
    byte[] bytes = message("UNICODE UTF-8", "CAFÉ").getBytes(StandardCharsets.ISO_8859_1);
    Hl7ParseException e = assertThrows(Hl7ParseException.class, () -> decoder.decode(bytes));
    assertEquals(ErrorCode.DATA_TYPE_ERROR, e.error().code());
    assertEquals(18, e.error().location().field());
    assertEquals("C1", e.partialHeader().orElseThrow().controlId());
    assertFalse(e.getMessage().contains("CAF"), "no message content in the exception text");
  }

  @Test
  void invalidBytesInLenientModeAreReplaced() throws Exception {
    byte[] bytes = message("UNICODE UTF-8", "CAFÉ").getBytes(StandardCharsets.ISO_8859_1);
    var lenient = new MessageDecoder(new CharsetPolicy(StandardCharsets.ISO_8859_1, true, false));
    assertEquals("CAF\uFFFD", lenient.decode(bytes).message().get("PID-5"));
  }

  @Test
  void theHeaderIsReadFromBytesWithoutTouchingTheBody() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(
        "\uFEFFMSH|^~\\&|APP|FAC|||2026||ORU^R01|HDR1|P|2.5.1||||||UNICODE UTF-8\r"
            .getBytes(StandardCharsets.UTF_8));
    out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 1, 2, '\r'});
    byte[] bytes = out.toByteArray();
    MessageHeader h = MessageDecoder.readHeader(bytes, 0, bytes.length);
    assertEquals("HDR1", h.controlId());
    assertEquals("UNICODE UTF-8", h.characterSet());
    assertThrows(Hl7ParseException.class, () -> decoder.decode(bytes));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"UNICODE UTF-8, UTF-8", "8859/1, ISO-8859-1", "UNICODE UTF-16, ISO-8859-1"})
  void nonAsciiHeaderFieldsReadFromBytesAreDecodedInTheDeclaredCharset(
      String msh18, String writtenIn) throws Exception {
    String msh = "MSH|^~\\&|SYSTÈME|FAC|||2026||ADT^A01|C1|P|2.5||||||" + msh18 + "\r";
    byte[] bytes = msh.getBytes(Charset.forName(writtenIn));
    assertEquals("SYSTÈME", MessageDecoder.readHeader(bytes, 0, bytes.length).sendingApplication());
  }

  @Test
  void anOffsetAndLengthSelectTheMessageInsideALargerBuffer() throws Exception {
    byte[] inner = message("8859/1", "ÉLOISE").getBytes(StandardCharsets.ISO_8859_1);
    byte[] framed = new byte[inner.length + 3];
    framed[0] = 0x0b;
    System.arraycopy(inner, 0, framed, 1, inner.length);
    framed[inner.length + 1] = 0x1c;
    framed[inner.length + 2] = 0x0d;
    assertEquals("ÉLOISE", decoder.decode(framed, 1, inner.length).message().get("PID-5"));
    assertEquals("C1", MessageDecoder.readHeader(framed, 1, inner.length).controlId());
  }
}
