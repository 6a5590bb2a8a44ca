package dev.hl7ferry.core.charset;

/**
 * Finds MSH-18 in raw bytes without decoding or parsing anything else. The MSH segment of every
 * byte-oriented table 0211 charset is ASCII up to its delimiters, so a byte scan is exact; a
 * malformed header yields "" and is reported by the parser afterwards.
 */
final class HeaderBytes {
  private static final int CHARACTER_SET_FIELD = 18;

  private HeaderBytes() {}

  /** MSH-18, first repetition, first component, as ASCII text; "" when absent or unreadable. */
  static String characterSet(byte[] b, int offset, int length) {
    int limit = offset + length;
    int i = offset;
    if (length >= 3
        && (b[i] & 0xff) == 0xEF
        && (b[i + 1] & 0xff) == 0xBB
        && (b[i + 2] & 0xff) == 0xBF) {
      i += 3; // UTF-8 byte order mark
    }
    while (i < limit && (b[i] == '\r' || b[i] == '\n' || b[i] == ' ' || b[i] == '\t')) {
      i++;
    }
    if (limit - i < 8 || b[i] != 'M' || b[i + 1] != 'S' || b[i + 2] != 'H') {
      return "";
    }
    byte field = b[i + 3];
    byte component = b[i + 4];
    byte repetition = b[i + 5];
    // i + 3 is MSH-1 itself and MSH-2 follows it; each further field separator starts a field.
    int fieldNumber = 2;
    int p = i + 4;
    while (p < limit && fieldNumber < CHARACTER_SET_FIELD) {
      byte c = b[p++];
      if (c == '\r' || c == '\n') {
        return "";
      }
      if (c == field) {
        fieldNumber++;
      }
    }
    if (fieldNumber < CHARACTER_SET_FIELD) {
      return "";
    }
    int start = p;
    while (p < limit) {
      byte c = b[p];
      if (c == field || c == component || c == repetition || c == '\r' || c == '\n') {
        break;
      }
      p++;
    }
    char[] out = new char[p - start];
    for (int k = 0; k < out.length; k++) {
      out[k] = (char) (b[start + k] & 0xff);
    }
    return new String(out).trim();
  }
}
