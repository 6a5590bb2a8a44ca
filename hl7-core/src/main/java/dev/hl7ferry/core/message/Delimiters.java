package dev.hl7ferry.core.message;

import dev.hl7ferry.core.error.ErrorCode;
import dev.hl7ferry.core.error.ErrorLocation;
import dev.hl7ferry.core.error.Hl7Error;
import dev.hl7ferry.core.error.Hl7ParseException;

/**
 * The separators a message declares in MSH-1 and MSH-2, never assumed. {@link #NONE} marks an
 * encoding character the sender left out (MSH-2 may carry fewer than four, and the truncation
 * character only exists from v2.7).
 *
 * <pre>
 *   M S H | ^ ~ \ & #  |
 *         │ │ │ │ │ └─ truncation (optional, v2.7+)
 *         │ │ │ │ └─── subcomponent
 *         │ │ │ └───── escape
 *         │ │ └─────── repetition
 *         │ └───────── component
 *         └─────────── field (MSH-1)
 * </pre>
 */
public record Delimiters(
    char field, char component, char repetition, char escape, char subcomponent, char truncation) {

  /** Marks an absent encoding character. */
  public static final char NONE = '\0';

  /** The usual {@code |^~\&}. */
  public static final Delimiters DEFAULT = new Delimiters('|', '^', '~', '\\', '&', NONE);

  /** MSH-2 as the sender wrote it. */
  public String encodingCharacters() {
    StringBuilder out = new StringBuilder(5);
    for (char c : new char[] {component, repetition, escape, subcomponent, truncation}) {
      if (c == NONE) {
        break;
      }
      out.append(c);
    }
    return out.toString();
  }

  /** Whether {@code c} is one of the declared separators or the escape character. */
  public boolean isSpecial(char c) {
    return c != NONE
        && (c == field || c == component || c == repetition || c == escape || c == subcomponent);
  }

  /**
   * Reads the delimiters of a segment that starts at {@code start} with "MSH" (or another header
   * segment of the same layout).
   *
   * @param text the message text
   * @param start index of the 'M' of MSH
   * @param end end of the MSH segment (exclusive)
   */
  public static Delimiters parse(CharSequence text, int start, int end) throws Hl7ParseException {
    if (end - start < 4) {
      throw bad(ErrorLocation.field("MSH", 1), "MSH-1 field separator missing");
    }
    char field = text.charAt(start + 3);
    if (!isUsable(field)) {
      throw bad(ErrorLocation.field("MSH", 1), "MSH-1 field separator is not a valid delimiter");
    }
    char[] enc = new char[5];
    int n = 0;
    int i = start + 4;
    for (; i < end && text.charAt(i) != field; i++) {
      if (n == 5) {
        throw bad(ErrorLocation.field("MSH", 2), "MSH-2 has more than five encoding characters");
      }
      enc[n++] = text.charAt(i);
    }
    if (n < 2) {
      throw bad(ErrorLocation.field("MSH", 2), "MSH-2 needs at least component and repetition");
    }
    for (int a = 0; a < n; a++) {
      if (!isUsable(enc[a]) || enc[a] == field) {
        throw bad(
            ErrorLocation.field("MSH", 2), "MSH-2 encoding character is not a valid delimiter");
      }
      for (int b = a + 1; b < n; b++) {
        if (enc[a] == enc[b]) {
          throw bad(ErrorLocation.field("MSH", 2), "MSH-2 repeats an encoding character");
        }
      }
    }
    return new Delimiters(field, enc[0], enc[1], enc[2], enc[3], enc[4]);
  }

  private static boolean isUsable(char c) {
    return c > ' ' && c < 0x7f && !Character.isLetterOrDigit(c);
  }

  private static Hl7ParseException bad(ErrorLocation location, String text) {
    return new Hl7ParseException(Hl7Error.error(ErrorCode.DATA_TYPE_ERROR, location, text), null);
  }
}
