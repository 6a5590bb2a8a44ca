package dev.hl7ferry.edge.ship;

import java.time.Duration;

/**
 * Shipping events for metrics and logs; every method is a no-op by default. Called on the shipper's
 * thread: keep implementations fast and never throw. Nothing here carries message content.
 */
public interface ShipListener {

  ShipListener NONE = new ShipListener() {};

  /** {@code count} entries of {@code bytes} payload bytes were confirmed and marked shipped. */
  default void shipped(int count, long bytes, Duration took) {}

  /** A round left {@code count} entries unshipped; they are retried after {@code retryIn}. */
  default void retrying(int count, int consecutiveFailures, Duration retryIn, String reason) {}

  /** A round failed for {@code kind}; {@link #retrying} follows with the details. */
  default void failed(FailureKind kind) {}

  /** Shipped entries older than the retention were deleted from the spool. */
  default void pruned(int count) {}

  /**
   * Entry {@code entryId} was refused for good {@code maxAttempts} times and set aside as
   * QUARANTINED; the line moved on without it. {@code reason} holds error codes only.
   */
  default void quarantined(String entryId, String reason) {}

  /** The shipper started ({@code true}) or stopped. */
  default void running(boolean running) {}
}
