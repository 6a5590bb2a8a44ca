package dev.hl7ferry.edge.ship;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter: after the n-th consecutive failure wait a random time between
 * half and all of {@code min(max, initial * 2^(n-1))}, so that many edges recovering from the same
 * outage do not retry in lockstep, yet no retry comes sooner than half the nominal delay.
 */
public final class Backoff {

  private final Duration initial;
  private final Duration max;
  private final DoubleSupplier random;

  /** {@code random} returns values in [0, 1). */
  public Backoff(Duration initial, Duration max, DoubleSupplier random) {
    this.initial = initial;
    this.max = max;
    this.random = random;
  }

  /** Delay before the next attempt after {@code failures} (at least 1) consecutive failures. */
  public Duration delay(int failures) {
    long cap = max.toMillis();
    long nominal = initial.toMillis();
    for (int i = 1; i < failures && nominal < cap; i++) {
      nominal *= 2;
    }
    nominal = Math.min(nominal, cap);
    long half = nominal / 2;
    return Duration.ofMillis(half + (long) (random.getAsDouble() * (nominal - half)));
  }
}
