package dev.hl7ferry.edge.retry;

import java.time.Duration;
import org.slf4j.Logger;

/**
 * Failures in a row of one retrying step, and how they are logged: the first failure and every
 * {@link #EVERY}th in a row at WARN with their cause, the others not at all, and the first success
 * after failures once at INFO. A fault that lasts (a full disk, the cloud down) so costs a line now
 * and then, not one per retry. One instance per retrying thread: it is not thread-safe.
 */
public final class FailureLog {
  /** Past the first, one failure in this many in a row is logged. */
  public static final int EVERY = 20;

  private final Logger log;
  private final String what;
  private final Backoff backoff;
  private int failures;

  /**
   * @param log the owner's logger, so the lines keep its name
   * @param what what the step does, for the lines ("checkpointing the spool")
   * @param backoff the delay before the next try after each failure in a row
   */
  public FailureLog(Logger log, String what, Backoff backoff) {
    this.log = log;
    this.what = what;
    this.backoff = backoff;
  }

  /**
   * Counts a failure, logs it if it is the first or an {@link #EVERY}th in a row, and returns how
   * long to wait before the next try.
   */
  public Duration failed(Exception cause) {
    failures++;
    Duration delay = backoff.delay(failures);
    if (failures == 1 || failures % EVERY == 0) {
      log.warn(
          "{} failed ({} in a row), next try in {} ms", what, failures, delay.toMillis(), cause);
    }
    return delay;
  }

  /** A success: logged once when failures came before it; the count starts over. */
  public void worked() {
    if (failures > 0) {
      log.info("{} works again after {} failed rounds", what, failures);
    }
    failures = 0;
  }

  /** Failures in a row so far (0 after a success). */
  public int failures() {
    return failures;
  }
}
