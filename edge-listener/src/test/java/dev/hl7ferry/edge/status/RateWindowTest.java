package dev.hl7ferry.edge.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateWindowTest {
  /** A clock the test moves. */
  private static final class Moving extends Clock {
    private Instant now = Instant.parse("2026-11-30T08:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneId.of("UTC");
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  @Test
  void theLastMinuteCountsOnlyWhatArrivedInTheLastSixtySeconds() {
    Moving clock = new Moving();
    RateWindow window = new RateWindow(clock);
    long total = 0;
    window.sample(total);
    for (int second = 2; second <= 120; second += 2) {
      clock.advance(Duration.ofSeconds(2));
      total += second <= 60 ? 10 : 1; // 10 per 2 s in the first minute, 1 per 2 s in the second
      window.sample(total);
    }
    assertEquals(30, window.sample(total).lastMinute());
  }

  @Test
  void eachMinuteGetsItsOwnCountAndMinutesBeforeTheStartAreMarkedNotRunning() {
    Moving clock = new Moving();
    RateWindow window = new RateWindow(clock);
    long total = 0;
    window.sample(total);
    for (int minute = 0; minute < 3; minute++) {
      for (int step = 0; step < 30; step++) {
        clock.advance(Duration.ofSeconds(2));
        total += minute + 1;
        window.sample(total);
      }
    }
    clock.advance(Duration.ofSeconds(10));
    total += 7;
    List<Long> perMinute = window.sample(total).perMinute();
    assertEquals(RateWindow.MINUTES, perMinute.size());
    int n = perMinute.size();
    // Samples fall on whole minutes: each minute's count lands in its own bar.
    assertEquals(List.of(-1L, 30L, 60L, 90L, 7L), perMinute.subList(n - 5, n));
  }
}
