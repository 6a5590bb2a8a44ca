package dev.hl7ferry.core.ack;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;

/**
 * Formats "now" as an HL7 DTM ({@code YYYYMMDDHHMMSS.SSS+ZZZZ}) in the clock's zone. The part up to
 * the second is cached, so the ACK path formats a timestamp without a DateTimeFormatter.
 */
public final class Hl7Timestamp {
  private final Clock clock;
  private volatile Second cached = new Second(Long.MIN_VALUE, "", "");

  public Hl7Timestamp(Clock clock) {
    this.clock = clock;
  }

  /** The current time as DTM. */
  public String now() {
    long millis = clock.millis();
    long epochSecond = Math.floorDiv(millis, 1000);
    Second s = cached;
    if (s.epochSecond != epochSecond) {
      s = Second.of(epochSecond, clock);
      cached = s;
    }
    int ms = Math.floorMod(millis, 1000);
    StringBuilder out = new StringBuilder(24).append(s.dateTime).append('.');
    if (ms < 100) {
      out.append('0');
    }
    if (ms < 10) {
      out.append('0');
    }
    return out.append(ms).append(s.zone).toString();
  }

  /** One formatted second: the date-time digits and the zone offset. */
  private record Second(long epochSecond, String dateTime, String zone) {
    static Second of(long epochSecond, Clock clock) {
      ZonedDateTime t = Instant.ofEpochSecond(epochSecond).atZone(clock.getZone());
      StringBuilder dateTime = new StringBuilder(14);
      pad(dateTime, t.getYear(), 4);
      pad(dateTime, t.getMonthValue(), 2);
      pad(dateTime, t.getDayOfMonth(), 2);
      pad(dateTime, t.getHour(), 2);
      pad(dateTime, t.getMinute(), 2);
      pad(dateTime, t.getSecond(), 2);
      int minutes = t.getOffset().getTotalSeconds() / 60;
      StringBuilder zone = new StringBuilder(5).append(minutes < 0 ? '-' : '+');
      pad(zone, Math.abs(minutes) / 60, 2);
      pad(zone, Math.abs(minutes) % 60, 2);
      return new Second(epochSecond, dateTime.toString(), zone.toString());
    }

    private static void pad(StringBuilder out, int value, int width) {
      String digits = Integer.toString(value);
      for (int i = digits.length(); i < width; i++) {
        out.append('0');
      }
      out.append(digits);
    }
  }
}
