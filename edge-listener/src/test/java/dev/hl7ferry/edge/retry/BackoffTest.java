package dev.hl7ferry.edge.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void theDelayDoublesPerFailureUpToTheCap() {
    Backoff top = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), () -> 0.999999);
    assertEquals(99, top.delay(1).toMillis());
    assertEquals(199, top.delay(2).toMillis());
    assertEquals(399, top.delay(3).toMillis());
    assertEquals(799, top.delay(4).toMillis());
    assertEquals(999, top.delay(5).toMillis());
    assertEquals(999, top.delay(60).toMillis());
  }

  @Test
  void jitterNeverGoesBelowHalfTheNominalDelay() {
    Backoff bottom = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), () -> 0.0);
    assertEquals(50, bottom.delay(1).toMillis());
    assertEquals(400, bottom.delay(4).toMillis());
    assertEquals(500, bottom.delay(10).toMillis());
  }

  @Test
  void aSteadyBackoffWaitsTheNominalDelayExactly() {
    Backoff steady = Backoff.steady(Duration.ofMillis(100), Duration.ofSeconds(5));
    assertEquals(100, steady.delay(1).toMillis());
    assertEquals(200, steady.delay(2).toMillis());
    assertEquals(3200, steady.delay(6).toMillis());
    assertEquals(5000, steady.delay(7).toMillis());
  }

  @Test
  void theMultiplierSetsTheGrowth() {
    Backoff triple = new Backoff(Duration.ofMillis(10), Duration.ofSeconds(1), 3.0, 0, () -> 0.5);
    assertEquals(10, triple.delay(1).toMillis());
    assertEquals(30, triple.delay(2).toMillis());
    assertEquals(270, triple.delay(4).toMillis());
  }
}
