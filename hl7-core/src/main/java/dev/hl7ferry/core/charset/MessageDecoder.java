package dev.hl7ferry.core.charset;

import dev.hl7ferry.core.error.ErrorCode;
import dev.hl7ferry.core.error.ErrorLocation;
import dev.hl7ferry.core.error.Hl7Error;
import dev.hl7ferry.core.error.Hl7ParseException;
import dev.hl7ferry.core.message.Hl7Message;
import dev.hl7ferry.core.message.MessageHeader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns raw message bytes into a parsed message: reads MSH from the bytes first (the header of
 * every table 0211 charset but UTF-16/32 is ASCII), then decodes the whole message in the charset
 * MSH-18 declares, under a {@link CharsetPolicy}.
 */
public final class MessageDecoder {
  private final CharsetPolicy policy;

  public MessageDecoder(CharsetPolicy policy) {
    this.policy = policy;
  }

  /** Reads only the MSH segment from raw bytes, without decoding the body. */
  public static MessageHeader readHeader(byte[] bytes, int offset, int length)
      throws Hl7ParseException {
    Charset wide = wideCharset(bytes, offset, length);
    if (wide != null) {
      return Hl7Message.parse(new String(bytes, offset, length, wide)).header();
    }
    int limit = offset + length;
    if (length >= 3
        && (bytes[offset] & 0xff) == 0xEF
        && (bytes[offset + 1] & 0xff) == 0xBB
        && (bytes[offset + 2] & 0xff) == 0xBF) {
      offset += 3;
    }
    int end = offset;
    while (end < limit && (bytes[end] == '\r' || bytes[end] == '\n' || bytes[end] == ' ')) {
      end++;
    }
    while (end < limit && bytes[end] != '\r' && bytes[end] != '\n') {
      end++;
    }
    // The header's own fields may hold non-ASCII text: read the line in the charset it declares
    // when that is known (Latin-1 otherwise, which maps every byte).
    Charset declared =
        Hl7Charsets.lookup(HeaderBytes.characterSet(bytes, offset, end - offset))
            .filter(cs -> !cs.name().startsWith("UTF-16") && !cs.name().startsWith("UTF-32"))
            .orElse(StandardCharsets.ISO_8859_1);
    String line = new String(bytes, offset, end - offset, declared);
    return Hl7Message.parse(line, declared).header();
  }

  /** Decodes and parses a whole message. */
  public DecodedMessage decode(byte[] bytes) throws Hl7ParseException {
    return decode(bytes, 0, bytes.length);
  }

  /** Decodes and parses {@code length} bytes at {@code offset}. */
  public DecodedMessage decode(byte[] bytes, int offset, int length) throws Hl7ParseException {
    Charset wide = wideCharset(bytes, offset, length);
    CharsetPolicy.Resolved resolved;
    if (wide != null) {
      resolved = new CharsetPolicy.Resolved(wide, false);
    } else {
      // Only MSH-18 is needed before decoding; the header proper is read once, from the text.
      resolved = policy.resolve(HeaderBytes.characterSet(bytes, offset, length));
    }
    Charset charset = resolved.charset();
    String text = decodeText(bytes, offset, length, charset);
    if (text == null) {
      // Bytes 0x81, 0x8D, 0x8F, 0x90 and 0x9D are undefined in windows-1252 but valid under the
      // 8859/1 label the message carries: read it as the label says.
      charset = StandardCharsets.ISO_8859_1;
      text = new String(bytes, offset, length, charset);
    }
    Hl7Message message = Hl7Message.parse(text, charset);
    return new DecodedMessage(message, charset, resolved.fallbackUsed());
  }

  /**
   * Decodes the text; in strict mode refuses bytes invalid in {@code charset}. Returns null when
   * the charset is windows-1252 standing in for 8859/1 and the bytes are not windows-1252.
   */
  private String decodeText(byte[] bytes, int offset, int length, Charset charset)
      throws Hl7ParseException {
    String text = new String(bytes, offset, length, charset);
    // new String replaces bad input with U+FFFD; only then is the slower strict check needed.
    if (!policy.strict() || text.indexOf('\uFFFD') < 0) {
      return text;
    }
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      return decoder.decode(ByteBuffer.wrap(bytes, offset, length)).toString();
    } catch (CharacterCodingException e) {
      if (policy.latin1AsWindows1252() && charset.name().equals("windows-1252")) {
        return null;
      }
      MessageHeader partial = null;
      try {
        partial = readHeader(bytes, offset, length);
      } catch (Hl7ParseException ignored) {
        // The header itself is unreadable; the NAK goes out without one.
      }
      throw new Hl7ParseException(
          Hl7Error.error(
              ErrorCode.DATA_TYPE_ERROR,
              ErrorLocation.field("MSH", 18),
              "message bytes are not valid " + charset.name()),
          partial,
          e);
    }
  }

  /** UTF-16/32 by byte order mark or by the zero bytes around "M". */
  private static Charset wideCharset(byte[] b, int off, int len) {
    if (len >= 4 && b[off] == 0 && b[off + 1] == 0 && b[off + 2] == 0 && b[off + 3] == 'M') {
      return Charset.forName("UTF-32BE");
    }
    if (len >= 4 && b[off] == 'M' && b[off + 1] == 0 && b[off + 2] == 0 && b[off + 3] == 0) {
      return Charset.forName("UTF-32LE");
    }
    if (len >= 2 && (b[off] & 0xff) == 0xFE && (b[off + 1] & 0xff) == 0xFF) {
      return StandardCharsets.UTF_16;
    }
    if (len >= 2 && (b[off] & 0xff) == 0xFF && (b[off + 1] & 0xff) == 0xFE) {
      return StandardCharsets.UTF_16;
    }
    if (len >= 2 && b[off] == 0 && b[off + 1] == 'M') {
      return StandardCharsets.UTF_16BE;
    }
    if (len >= 2 && b[off] == 'M' && b[off + 1] == 0) {
      return StandardCharsets.UTF_16LE;
    }
    return null;
  }
}
