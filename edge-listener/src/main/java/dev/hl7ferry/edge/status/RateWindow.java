package dev.hl7ferry.edge.status;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Messages per minute from samples of a running total: the count of the last 60 seconds and of each
 * whole minute of the last half hour. Sampled every few seconds, never on the ACK path.
 */
public final class RateWindow {
  static final int MINUTES = 30;
  private static final long MINUTE = 60_000;
  private static final long MIN_SAMPLE_GAP = 1_000;

  /**
   * @param lastMinute messages received in the last 60 seconds (fewer when sampling started later)
   * @param perMinute messages of each of the last {@value #MINUTES} minutes, oldest first, the
   *     current (partial) minute last; -1 for minutes before sampling began (the edge was not
   *     running or the admin port was off)
   */
  public record Rates(long lastMinute, List<Long> perMinute) {}

  private record Sample(long at, long total) {}

  private final Clock clock;
  private final ArrayDeque<Sample> samples = new ArrayDeque<>();

  RateWindow(Clock clock) {
    this.clock = clock;
  }

  /** Records {@code total} now (at most one sample a second) and returns the rates. */
  synchronized Rates sample(long total) {
    long now = clock.millis();
    if (samples.isEmpty() || now - samples.peekLast().at() >= MIN_SAMPLE_GAP) {
      samples.addLast(new Sample(now, total));
    }
    while (samples.size() > 2 && samples.peekFirst().at() < now - (MINUTES + 2) * MINUTE) {
      samples.removeFirst();
    }
    Long minuteAgo = totalAt(now - MINUTE);
    long lastMinute = total - (minuteAgo == null ? samples.peekFirst().total() : minuteAgo);
    List<Long> perMinute = new ArrayList<>(MINUTES);
    long currentMinute = now - now % MINUTE;
    long firstTotal = samples.peekFirst().total();
    long firstAt = samples.peekFirst().at();
    for (int i = MINUTES - 1; i >= 0; i--) {
      long start = currentMinute - i * MINUTE;
      long end = start + MINUTE;
      if (end <= firstAt) {
        perMinute.add(-1L);
        continue;
      }
      Long from = totalAt(start);
      Long to = i == 0 ? Long.valueOf(total) : totalAt(end);
      perMinute.add(Math.max(0, (to == null ? total : to) - (from == null ? firstTotal : from)));
    }
    return new Rates(Math.max(0, lastMinute), perMinute);
  }

  /** The total at {@code at}: the last sample at or before it, or null when none is that old. */
  private Long totalAt(long at) {
    Long found = null;
    Iterator<Sample> it = samples.iterator();
    while (it.hasNext()) {
      Sample s = it.next();
      if (s.at() > at) {
        break;
      }
      found = s.total();
    }
    return found;
  }
}
