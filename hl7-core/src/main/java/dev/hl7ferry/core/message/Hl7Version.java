package dev.hl7ferry.core.message;

/** An HL7 v2 version number from MSH-12.1, e.g. 2.5.1; compared numerically. */
public record Hl7Version(int major, int minor, int patch) implements Comparable<Hl7Version> {

  /** Used when MSH-12 is empty or unreadable: the current rules apply. */
  public static final Hl7Version UNKNOWN = new Hl7Version(2, 9, 0);

  /** From this version MSH-9 has a third component, the message structure. */
  public static final Hl7Version V2_3_1 = new Hl7Version(2, 3, 1);

  /** From this version errors are reported in the ERR segment (ERR-2..ERR-8). */
  public static final Hl7Version V2_5 = new Hl7Version(2, 5, 0);

  /** Reads "2.5.1" (or "2.5", "2.3.1"); anything unreadable gives {@link #UNKNOWN}. */
  public static Hl7Version parse(String text) {
    text = text.trim();
    int[] parts = new int[3];
    int k = 0;
    int digits = 0;
    for (int i = 0; i < text.length() && k < 3; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        parts[k] = parts[k] * 10 + (c - '0');
        digits++;
        if (parts[k] > 99) {
          return UNKNOWN;
        }
      } else if (c == '.' && digits > 0) {
        k++;
        digits = 0;
      } else {
        return UNKNOWN;
      }
    }
    if (parts[0] != 2 || (k == 0 && digits == 0)) {
      return UNKNOWN;
    }
    return new Hl7Version(parts[0], parts[1], parts[2]);
  }

  /** Whether this version is {@code other} or later. */
  public boolean atLeast(Hl7Version other) {
    return compareTo(other) >= 0;
  }

  @Override
  public int compareTo(Hl7Version o) {
    if (major != o.major) {
      return Integer.compare(major, o.major);
    }
    if (minor != o.minor) {
      return Integer.compare(minor, o.minor);
    }
    return Integer.compare(patch, o.patch);
  }
}
