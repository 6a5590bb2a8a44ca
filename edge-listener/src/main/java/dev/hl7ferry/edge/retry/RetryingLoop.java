package dev.hl7ferry.edge.retry;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/**
 * A daemon thread that runs one round after another until closed: a round that throws is tried
 * again after {@link Backoff#delay} for the failures in a row, logged as {@link FailureLog} logs
 * (the first and every 20th with their cause, the first success after them once). For the edge's
 * loops whose every round talks to the cloud (the outbound receiver, the receipt shipper).
 */
public final class RetryingLoop implements AutoCloseable {

  /** One round; returns how long to pause before the next ({@link Duration#ZERO}: at once). */
  public interface Round {
    Duration run() throws Exception;
  }

  private final Round round;
  private final Backoff backoff;
  private final FailureLog failures;
  private final Thread thread;
  private volatile boolean stopping;

  /**
   * @param threadName name of the loop's thread
   * @param what what a round does, for the log lines ("sending receipts")
   * @param log the owner's logger, so the lines keep its name
   */
  public RetryingLoop(String threadName, String what, Round round, Backoff backoff, Logger log) {
    this.round = round;
    this.backoff = backoff;
    this.failures = new FailureLog(log, what);
    this.thread = new Thread(this::run, threadName);
    this.thread.setDaemon(true);
  }

  public void start() {
    thread.start();
  }

  /** True once {@link #close} began: a round in progress should give up. */
  public boolean stopping() {
    return stopping;
  }

  private void run() {
    while (!stopping) {
      try {
        Duration pause = round.run();
        failures.worked();
        if (!pause.isZero()) {
          TimeUnit.MILLISECONDS.sleep(pause.toMillis());
        }
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        if (stopping) {
          return;
        }
        Duration delay = failures.failed(e, backoff);
        try {
          TimeUnit.MILLISECONDS.sleep(delay.toMillis());
        } catch (InterruptedException stop) {
          return;
        }
      }
    }
  }

  /** Stops the loop: interrupts a round or pause in progress and waits up to 5 s for the thread. */
  @Override
  public void close() {
    stopping = true;
    thread.interrupt();
    try {
      thread.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
