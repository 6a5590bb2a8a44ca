package dev.hl7ferry.edge.spool;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Assertions on store futures shared by the spool tests. */
final class SpoolAssertions {
  private SpoolAssertions() {}

  /** Waits for {@code future} and returns the rejection it failed with. */
  static SpoolRejectedException rejected(CompletableFuture<StoreResult> future) {
    ExecutionException failure =
        assertThrows(ExecutionException.class, () -> future.get(10, TimeUnit.SECONDS));
    return assertInstanceOf(SpoolRejectedException.class, failure.getCause());
  }
}
