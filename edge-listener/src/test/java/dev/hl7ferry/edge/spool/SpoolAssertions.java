package dev.hl7ferry.edge.spool;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Assertions on store futures and the writer hold shared by the spool tests. */
final class SpoolAssertions {
  private SpoolAssertions() {}

  /** Waits for {@code future} and returns the rejection it failed with. */
  static SpoolRejectedException rejected(CompletableFuture<StoreResult> future) {
    ExecutionException failure =
        assertThrows(ExecutionException.class, () -> future.get(10, TimeUnit.SECONDS));
    return assertInstanceOf(SpoolRejectedException.class, failure.getCause());
  }

  /**
   * Occupies the spool's index thread until {@code release}; what is queued meanwhile waits (and is
   * then indexed as one batch). Returns once the thread is held.
   */
  static CompletableFuture<Integer> holdWriter(SqliteSpool spool, CountDownLatch release)
      throws InterruptedException {
    CountDownLatch holding = new CountDownLatch(1);
    CompletableFuture<Integer> blocker =
        CompletableFuture.supplyAsync(
            () ->
                spool.runOnWriter(
                    connection -> {
                      holding.countDown();
                      try {
                        // bounded, so a failed test cannot hang the spool's close
                        release.await(30, TimeUnit.SECONDS);
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                      return 0;
                    }));
    assertTrue(holding.await(10, TimeUnit.SECONDS), "writer never ran the blocker");
    return blocker;
  }
}
