package dev.hl7ferry.edge.ship;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Length bounds for header fields copied out of a message: S3 user metadata (2 KB in all, printable
 * ASCII), the envelope (whose size decides inline or claim check, and must stay far below SQS's 1
 * MiB) and log lines. The payload itself always keeps the original values.
 */
final class HeaderBounds {

  /** Per metadata value: six values of at most this stay well under S3's 2 KB in all. */
  static final int METADATA_CHARS = 256;

  /** Per envelope field: every v2.7 header field (HD: 227, ST MSH-10: 199) fits untouched. */
  static final int ENVELOPE_CHARS = 1024;

  /** Per log or index value. */
  static final int PRINTABLE_CHARS = 64;

  private HeaderBounds() {}

  /**
   * Printable ASCII, every other byte of the UTF-8 form (and {@code %}) percent-encoded, cut at
   * {@link #METADATA_CHARS} without splitting an escape.
   */
  static String metadata(String value) {
    if (value == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(Math.min(value.length(), METADATA_CHARS));
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      String piece =
          c >= 0x20 && c < 0x7f && c != '%'
              ? String.valueOf((char) c)
              : "%" + HexFormat.of().withUpperCase().toHexDigits((byte) c);
      if (out.length() + piece.length() > METADATA_CHARS) {
        break;
      }
      out.append(piece);
    }
    return out.toString();
  }

  /** {@code value} cut at {@link #ENVELOPE_CHARS} characters (never inside a surrogate pair). */
  static String envelope(String value) {
    return cut(value == null ? "" : value, ENVELOPE_CHARS);
  }

  /** One line for a log or index: controls and blanks as {@code _}, cut at 64 characters. */
  static String printable(String value) {
    if (value == null || value.isEmpty()) {
      return "-";
    }
    StringBuilder out = new StringBuilder();
    value
        .codePoints()
        .limit(PRINTABLE_CHARS)
        .forEach(
            c ->
                out.appendCodePoint(
                    Character.isISOControl(c) || Character.isWhitespace(c) ? '_' : c));
    return out.toString();
  }

  private static String cut(String value, int max) {
    if (value.length() <= max) {
      return value;
    }
    int end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
    return value.substring(0, end);
  }
}
