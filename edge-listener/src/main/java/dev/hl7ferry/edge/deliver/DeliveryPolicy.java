package dev.hl7ferry.edge.deliver;

import dev.hl7ferry.edge.retry.Backoff;
import java.time.Duration;

/**
 * The retry rules of one destination.
 *
 * @param onApplicationError dead-letter or keep retrying an output the destination refuses
 * @param maxAttempts with DEAD_LETTER: how many application errors an output may get before it is
 *     dead-lettered (1 = at the first)
 * @param backoff the wait after a failed attempt, growing with consecutive failures
 * @param idleWait how long one {@link OutboundQueue#next} call waits for an output
 */
public record DeliveryPolicy(
    OnApplicationError onApplicationError, int maxAttempts, Backoff backoff, Duration idleWait) {

  /**
   * The default maximum: an AE is usually about the message itself and comes back every time, but a
   * receiver sometimes answers AE for a passing condition (a locked record); three attempts with
   * backoff cover that without holding the line for long.
   */
  public static final int DEFAULT_MAX_ATTEMPTS = 3;

  public DeliveryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
  }
}
