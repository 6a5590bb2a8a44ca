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
    int ms = (int) Math.floorMod(millis, 1000);
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
      String dateTime =
          String.format(
              "%04d%02d%02d%02d%02d%02d",
              t.getYear(),
              t.getMonthValue(),
              t.getDayOfMonth(),
              t.getHour(),
              t.getMinute(),
              t.getSecond());
      int minutes = t.getOffset().getTotalSeconds() / 60;
      String zone =
          String.format(
              "%c%02d%02d",
              minutes < 0 ? '-' : '+', Math.abs(minutes) / 60, Math.abs(minutes) % 60);
      return new Second(epochSecond, dateTime, zone);
    }
  }
}
