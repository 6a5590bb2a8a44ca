package dev.hl7ferry.e2e;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition every 50 ms until it holds, or fails the test naming what was awaited. */
public final class Await {
  private Await() {}

  /** Returns once {@code condition} holds; throws AssertionError after {@code timeout}. */
  public static void until(Duration timeout, String what, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(what + ": not within " + timeout);
      }
      Thread.sleep(50);
    }
  }
}
