package dev.hl7ferry.core.message;

/** Allocation-light splitting of raw HL7 text by one separator: no regular expressions. */
final class Splitter {
  private Splitter() {}

  /** The {@code n}-th (1-based) part of {@code s} split on {@code sep}, or "" past the end. */
  static String nth(String s, char sep, int n) {
    if (sep == Delimiters.NONE) {
      return n == 1 ? s : "";
    }
    int start = 0;
    for (int i = 1; i < n; i++) {
      int next = s.indexOf(sep, start);
      if (next < 0) {
        return "";
      }
      start = next + 1;
    }
    int end = s.indexOf(sep, start);
    return end < 0 ? s.substring(start) : s.substring(start, end);
  }

  /** The number of parts of {@code s} split on {@code sep} ("" has one part). */
  static int count(String s, char sep) {
    if (sep == Delimiters.NONE) {
      return 1;
    }
    int parts = 1;
    for (int i = s.indexOf(sep); i >= 0; i = s.indexOf(sep, i + 1)) {
      parts++;
    }
    return parts;
  }
}
