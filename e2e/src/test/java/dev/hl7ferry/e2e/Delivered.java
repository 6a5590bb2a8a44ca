package dev.hl7ferry.e2e;

import java.util.Comparator;

/**
 * One message as a sink received it.
 *
 * @param start which start of the sink took it (1 for the first)
 * @param sequence its arrival number within that start (from 1)
 * @param text the message, bytes read as ISO-8859-1, segments ended by CR
 */
public record Delivered(int start, long sequence, String text) implements Comparable<Delivered> {
  private static final Comparator<Delivered> ARRIVAL =
      Comparator.comparingInt(Delivered::start).thenComparingLong(Delivered::sequence);

  /**
   * Field {@code n} of the first segment named {@code segment} (MSH counts from MSH-1, the field
   * separator, as HL7 does), or "" when absent.
   */
  public String field(String segment, int n) {
    for (String line : text.split("\r")) {
      if (line.startsWith(segment + "|")) {
        String[] fields = line.split("\\|", -1);
        int index = segment.equals("MSH") ? n - 1 : n;
        return index < fields.length ? fields[index] : "";
      }
    }
    return "";
  }

  /** MSH-10, the control id the edge delivered it with. */
  public String controlId() {
    return field("MSH", 10);
  }

  /** ZIN-1 of the e2e store's templates: the MSH-10 of the input this output came from. */
  public String inputControlId() {
    return field("ZIN", 1);
  }

  @Override
  public int compareTo(Delivered other) {
    return ARRIVAL.compare(this, other);
  }
}
