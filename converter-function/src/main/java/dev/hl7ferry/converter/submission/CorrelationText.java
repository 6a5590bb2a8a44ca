package dev.hl7ferry.converter.submission;

import dev.hl7ferry.contract.result.Correlation;

/**
 * The command-line form of a correlation: an inbound entry id ({@code 3f7c…}) or the original's
 * {@code MSH-3|MSH-4|MSH-10} ({@code RIS|HOSPA|ORM00001}; MSH-3 and MSH-4 may be empty, as sent).
 */
public final class CorrelationText {
  private CorrelationText() {}

  /** Parses {@code text}; throws IllegalArgumentException saying which form it expected. */
  public static Correlation parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(
          "--correlation is empty: give an entry id or APP|FACILITY|CONTROLID");
    }
    if (text.indexOf('|') < 0) {
      return Correlation.ofEntryId(text.strip());
    }
    String[] parts = text.split("\\|", -1);
    if (parts.length != 3 || parts[2].isEmpty()) {
      throw new IllegalArgumentException(
          "--correlation with '|' must be APP|FACILITY|CONTROLID (MSH-3|MSH-4|MSH-10, control id"
              + " not empty), had "
              + parts.length
              + " parts");
    }
    return Correlation.ofMessage(parts[0], parts[1], parts[2]);
  }
}
