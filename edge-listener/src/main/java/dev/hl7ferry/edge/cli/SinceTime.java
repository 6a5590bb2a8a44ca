package dev.hl7ferry.edge.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Reads a {@code --since} value: an ISO-8601 instant or offset time, a local date-time or date. */
final class SinceTime {

  private SinceTime() {}

  static Instant parse(String text, ZoneId zone) {
    String t = text.trim();
    try {
      return Instant.parse(t);
    } catch (DateTimeParseException notAnInstant) {
      // try the next form
    }
    try {
      return OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeParseException notOffset) {
      // try the next form
    }
    try {
      return LocalDateTime.parse(t).atZone(zone).toInstant();
    } catch (DateTimeParseException notLocalDateTime) {
      // try the next form
    }
    try {
      return LocalDate.parse(t).atStartOfDay(zone).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "'" + text + "' is not an ISO-8601 instant, date-time or date (e.g. 2026-11-20T08:00Z)",
          e);
    }
  }
}
