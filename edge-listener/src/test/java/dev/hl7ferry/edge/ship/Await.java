package dev.hl7ferry.edge.ship;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition until it holds or time runs out. */
public final class Await {

  private Await() {}

  public static void until(Duration max, String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + max.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + max + " waiting for " + what);
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what, e);
      }
    }
  }
}
