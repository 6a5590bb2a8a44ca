package dev.hl7ferry.core.error;

/**
 * Where an error sits in a message, as the ERL data type of ERR-2: segment id, segment sequence
 * (1-based occurrence), field position and, when known, repetition, component and subcomponent.
 * Zero means "not given".
 */
public record ErrorLocation(
    String segmentId, int sequence, int field, int repetition, int component, int subcomponent) {

  /** A location naming only a field of a segment's first occurrence, e.g. MSH-10. */
  public static ErrorLocation field(String segmentId, int field) {
    return new ErrorLocation(segmentId, 1, field, 0, 0, 0);
  }

  /** A location naming a whole segment. */
  public static ErrorLocation segment(String segmentId, int sequence) {
    return new ErrorLocation(segmentId, sequence, 0, 0, 0, 0);
  }

  /** The location in ERL form with the given component separator, e.g. {@code MSH^1^10}. */
  public String toErl(char componentSeparator) {
    StringBuilder out = new StringBuilder(segmentId);
    int[] parts = {sequence, field, repetition, component, subcomponent};
    int last = parts.length - 1;
    while (last >= 0 && parts[last] == 0) {
      last--;
    }
    for (int i = 0; i <= last; i++) {
      out.append(componentSeparator);
      if (parts[i] != 0) {
        out.append(parts[i]);
      }
    }
    return out.toString();
  }

  /** Human form for logs, e.g. {@code MSH-10}. */
  @Override
  public String toString() {
    return field == 0 ? segmentId : segmentId + "-" + field;
  }
}
