package dev.hl7ferry.edge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class SinceTimeTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @Test
  void anInstantIsTakenAsIs() {
    assertEquals(
        Instant.parse("2026-11-20T08:00:00Z"), SinceTime.parse("2026-11-20T08:00:00Z", BERLIN));
    assertEquals(
        Instant.parse("2026-11-20T08:00:00Z"), SinceTime.parse("2026-11-20T08:00Z", BERLIN));
  }

  @Test
  void anOffsetTimeIsConvertedToItsInstant() {
    assertEquals(
        Instant.parse("2026-11-20T08:00:00Z"),
        SinceTime.parse("2026-11-20T09:00:00+01:00", ZoneId.of("UTC")));
  }

  @Test
  void aLocalDateTimeAndALocalDateAreReadInTheZone() {
    assertEquals(
        Instant.parse("2026-11-20T08:30:00Z"), SinceTime.parse("2026-11-20T09:30", BERLIN));
    assertEquals(Instant.parse("2026-11-19T23:00:00Z"), SinceTime.parse("2026-11-20", BERLIN));
  }

  @Test
  void anythingElseIsRefusedWithAnExample() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SinceTime.parse("yesterday", BERLIN));
    assertEquals(
        "'yesterday' is not an ISO-8601 instant, date-time or date (e.g. 2026-11-20T08:00Z)",
        e.getMessage());
  }
}
