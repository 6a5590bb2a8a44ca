package dev.hl7ferry.core.log;

/**
 * Makes a value copied from a message (control id, message type, sender fields) safe to put in a
 * log line: printable ASCII only and bounded in length, so a sender cannot forge log lines (CR, LF,
 * terminal escapes) or flood the log through a header field.
 */
public final class LogSafe {
  /** The longest text returned, the ellipsis included. */
  public static final int MAX_CHARS = 64;

  /** Appended to a value that was cut. */
  public static final String ELLIPSIS = "...";

  /** What stands for each character (code point) outside printable ASCII. */
  public static final char REPLACEMENT = '?';

  private LogSafe() {}

  /**
   * {@code value} with every code point outside {@code 0x20..0x7E} replaced by {@value
   * #REPLACEMENT}, cut to {@value #MAX_CHARS} characters (ending in {@value #ELLIPSIS}) when
   * longer; {@code "null"} for null. Reads at most {@value #MAX_CHARS} + 1 code points of the
   * input.
   */
  public static String text(String value) {
    if (value == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder(Math.min(value.length(), MAX_CHARS + 1));
    int i = 0;
    while (i < value.length() && out.length() <= MAX_CHARS) {
      int cp = value.codePointAt(i);
      out.append(cp >= 0x20 && cp <= 0x7E ? (char) cp : REPLACEMENT);
      i += Character.charCount(cp);
    }
    if (out.length() > MAX_CHARS) {
      out.setLength(MAX_CHARS - ELLIPSIS.length());
      out.append(ELLIPSIS);
    }
    return out.toString();
  }
}
