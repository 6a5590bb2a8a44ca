package dev.hl7ferry.edge.retry;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter, the one retry policy of the edge: after the n-th consecutive
 * failure the nominal delay is {@code min(max, initial * multiplier^(n-1))}, and the wait is a
 * random time between {@code (1 - jitter)} of it and all of it. With jitter ½ many edges recovering
 * from the same outage do not retry in lockstep, yet no retry comes sooner than half the nominal
 * delay; with jitter 0 the wait is the nominal delay exactly.
 *
 * @param initial delay after the first failure
 * @param max cap of the nominal delay
 * @param multiplier growth of the nominal delay per further failure (at least 1)
 * @param jitter share of the nominal delay that is random, in [0, 1]
 * @param random source of values in [0, 1)
 */
public record Backoff(
    Duration initial, Duration max, double multiplier, double jitter, DoubleSupplier random) {

  /** Doubling, as the shipper and the spool index retry. */
  public static final double DOUBLING = 2.0;

  /** Half of each delay random, as the shipper retries the cloud. */
  public static final double HALF = 0.5;

  public Backoff {
    Objects.requireNonNull(initial, "initial");
    Objects.requireNonNull(max, "max");
    Objects.requireNonNull(random, "random");
    if (multiplier < 1) {
      throw new IllegalArgumentException("multiplier must be at least 1, was " + multiplier);
    }
    if (jitter < 0 || jitter > 1) {
      throw new IllegalArgumentException("jitter must be between 0 and 1, was " + jitter);
    }
  }

  /** Doubling with half of each delay random; {@code random} returns values in [0, 1). */
  public Backoff(Duration initial, Duration max, DoubleSupplier random) {
    this(initial, max, DOUBLING, HALF, random);
  }

  /** Doubling, with half of each delay random from {@link ThreadLocalRandom}. */
  public static Backoff jittered(Duration initial, Duration max) {
    return new Backoff(initial, max, () -> ThreadLocalRandom.current().nextDouble());
  }

  /** Doubling without jitter: for one local resource, where no crowd retries in lockstep. */
  public static Backoff steady(Duration initial, Duration max) {
    return new Backoff(initial, max, DOUBLING, 0, () -> 0);
  }

  /** Delay before the next attempt after {@code failures} (at least 1) consecutive failures. */
  public Duration delay(int failures) {
    long cap = max.toMillis();
    long nominal = initial.toMillis();
    for (int i = 1; i < failures && nominal < cap; i++) {
      nominal = (long) Math.min(cap, nominal * multiplier);
    }
    nominal = Math.min(nominal, cap);
    long low = (long) (nominal * (1 - jitter));
    return Duration.ofMillis(low + (long) (random.getAsDouble() * (nominal - low)));
  }
}
