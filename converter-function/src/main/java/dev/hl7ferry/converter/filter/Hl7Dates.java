package dev.hl7ferry.converter.filter;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/** Reads and writes HL7 DTM values: {@code YYYY[MM[DD[HH[MM[SS[.S+]]]]]][+/-ZZZZ]}. */
final class Hl7Dates {
  private Hl7Dates() {}

  /**
   * Parses an HL7 DTM. Missing month/day default to 1, missing time to midnight. Without an offset
   * the value is read in {@code zone}.
   */
  static OffsetDateTime parse(String dtm, ZoneId zone) {
    String s = dtm.trim();
    int tz = Math.max(s.indexOf('+'), s.indexOf('-'));
    ZoneOffset offset = null;
    if (tz >= 0) {
      offset = ZoneOffset.of(s.substring(tz, tz + 3) + ":" + s.substring(tz + 3));
      s = s.substring(0, tz);
    }
    int dot = s.indexOf('.');
    int nanos = 0;
    if (dot >= 0) {
      String frac = (s.substring(dot + 1) + "000000000").substring(0, 9);
      nanos = Integer.parseInt(frac);
      s = s.substring(0, dot);
    }
    if (s.length() < 4 || s.length() % 2 != 0 || !s.chars().allMatch(Character::isDigit)) {
      throw new IllegalArgumentException("not an HL7 date/time");
    }
    LocalDateTime local =
        LocalDateTime.of(
            Integer.parseInt(s.substring(0, 4)),
            part(s, 4, 1),
            part(s, 6, 1),
            part(s, 8, 0),
            part(s, 10, 0),
            part(s, 12, 0),
            nanos);
    return offset != null ? local.atOffset(offset) : local.atZone(zone).toOffsetDateTime();
  }

  private static int part(String s, int at, int absent) {
    return s.length() >= at + 2 ? Integer.parseInt(s.substring(at, at + 2)) : absent;
  }

  /** Formats any parsed date or date-time as an HL7 DTM of the precision the input had. */
  static String format(TemporalAccessor value) {
    if (!value.isSupported(ChronoField.HOUR_OF_DAY)) {
      return DateTimeFormatter.BASIC_ISO_DATE.format(LocalDate.from(value));
    }
    String base = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").format(value);
    if (value.isSupported(ChronoField.OFFSET_SECONDS)) {
      return base + DateTimeFormatter.ofPattern("xx").format(value);
    }
    return base;
  }
}
