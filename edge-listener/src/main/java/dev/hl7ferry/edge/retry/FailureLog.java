package dev.hl7ferry.edge.retry;

import java.time.Duration;
import org.slf4j.Logger;

/**
 * Failures in a row of one retrying step, and which of them are logged: the first and every {@link
 * #EVERY}th in a row, with their cause; the first success after failures is logged once at INFO. A
 * fault that lasts (a full disk, the cloud down) so costs a line now and then, not one per retry.
 * One instance per retrying thread: it is not thread-safe.
 */
public final class FailureLog {
  /** Past the first, one failure in this many in a row is logged. */
  public static final int EVERY = 20;

  private final Logger log;
  private final String what;
  private int failures;

  /**
   * @param log the owner's logger, so the lines keep its name
   * @param what what the step does, for the lines ("spool checkpoint")
   */
  public FailureLog(Logger log, String what) {
    this.log = log;
    this.what = what;
  }

  /**
   * Counts a failure and returns whether the caller should log it (the first or an {@link #EVERY}th
   * in a row), for a step that logs a line of its own; {@link #failures} is the count.
   */
  public boolean count() {
    failures++;
    return failures == 1 || failures % EVERY == 0;
  }

  /**
   * Counts a failure of a step retried after {@code backoff}, logs it at WARN as "{what} failed (n
   * in a row), next try in t ms" when it is due, and returns the delay before the next try.
   */
  public Duration failed(Exception cause, Backoff backoff) {
    boolean due = count();
    Duration delay = backoff.delay(failures);
    if (due) {
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
