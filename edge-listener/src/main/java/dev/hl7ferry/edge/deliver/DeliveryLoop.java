package dev.hl7ferry.edge.deliver;

import dev.hl7ferry.core.log.LogSafe;
import dev.hl7ferry.edge.events.EdgeEvents;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one destination's outputs, strictly in order, on a thread of its own (so a destination
 * that is down holds up only itself). Head of line: an output is tried until it is delivered or
 * dead-lettered before the next is sent. Transient failures are retried forever with backoff;
 * application errors are dead-lettered after {@link DeliveryPolicy#maxAttempts} or retried forever,
 * as the policy says. Logs carry ids, control ids and outcomes, never payloads or ACK texts.
 */
public final class DeliveryLoop implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DeliveryLoop.class);

  private final Destination destination;
  private final OutboundQueue queue;
  private final DeliveryPolicy policy;
  private final EdgeEvents events;
  private final Thread thread;
  private volatile boolean stopping;

  public DeliveryLoop(Destination destination, OutboundQueue queue, DeliveryPolicy policy) {
    this(destination, queue, policy, EdgeEvents.NONE);
  }

  /**
   * @param events told of each delivery, failed attempt and dead letter
   */
  public DeliveryLoop(
      Destination destination, OutboundQueue queue, DeliveryPolicy policy, EdgeEvents events) {
    this.destination = destination;
    this.queue = queue;
    this.policy = policy;
    this.events = events;
    this.thread = new Thread(this::run, "deliver-" + destination.name());
    this.thread.setDaemon(true);
  }

  /** Starts the delivery thread. */
  public void start() {
    thread.start();
  }

  private void run() {
    int queueFailures = 0;
    while (!stopping) {
      try {
        Optional<PendingOutput> next = queue.next(destination.name(), policy.idleWait());
        if (next.isPresent()) {
          deliverUntilDone(next.get());
        }
        queueFailures = 0;
      } catch (InterruptedException e) {
        if (!stopping) {
          LOG.warn("destination {}: delivery thread interrupted, stopping", destination.name());
        }
        return;
      } catch (RuntimeException e) {
        // The store failed: the head output is still unmarked and comes back from next().
        LOG.error("destination {}: outbound queue failed", destination.name(), e);
        try {
          pause(policy.backoff().delay(++queueFailures));
        } catch (InterruptedException stop) {
          return;
        }
      }
    }
  }

  private void deliverUntilDone(PendingOutput pending) throws InterruptedException {
    Output output = pending.output();
    int attempts = pending.attempts();
    int applicationErrors = pending.applicationErrors();
    int failures = 0;
    long started = System.nanoTime();
    while (!stopping) {
      DeliveryResult result = attempt(output);
      attempts++;
      if (result.delivered()) {
        markDelivered(output, result);
        events.delivered(destination.name(), Duration.ofNanos(System.nanoTime() - started));
        LOG.debug(
            "destination {}: delivered id={} controlId={} attempts={} {}",
            destination.name(),
            output.id(),
            LogSafe.text(output.controlId()),
            attempts,
            LogSafe.text(result.detail()));
        return;
      }
      if (stopping) {
        return; // cut short by close(): not an attempt of the destination's making
      }
      if (result.outcome() == DeliveryOutcome.APPLICATION_ERROR) {
        applicationErrors++;
        if (policy.onApplicationError() == OnApplicationError.DEAD_LETTER
            && applicationErrors >= policy.maxAttempts()) {
          String reason =
              "application error "
                  + applicationErrors
                  + " of "
                  + policy.maxAttempts()
                  + ": "
                  + result.detail();
          queue.deadLetter(output, reason, result);
          events.deliveryFailed(destination.name(), result.outcome() + ": " + result.detail());
          events.deadLettered(destination.name());
          LOG.warn(
              "destination {}: dead-lettered id={} controlId={} after {} attempts: {}",
              destination.name(),
              output.id(),
              LogSafe.text(output.controlId()),
              attempts,
              LogSafe.text(result.detail()));
          return;
        }
      }
      queue.recordAttempt(output, result);
      events.deliveryFailed(destination.name(), result.outcome() + ": " + result.detail());
      failures++;
      Duration delay = policy.backoff().delay(failures);
      LOG.warn(
          "destination {}: attempt {} of id={} controlId={} failed ({}): {}; next in {} ms",
          destination.name(),
          attempts,
          output.id(),
          LogSafe.text(output.controlId()),
          result.outcome(),
          LogSafe.text(result.detail()),
          delay.toMillis());
      pause(delay);
    }
  }

  /**
   * Records a confirmed delivery. The destination has the output, so a store that cannot record it
   * (a full disk) is retried here with backoff instead of sending the output again; only a stop or
   * a crash before the mark leaves it pending, to be delivered a second time after the restart.
   */
  private void markDelivered(Output output, DeliveryResult result) throws InterruptedException {
    int failures = 0;
    while (true) {
      try {
        queue.markDelivered(output, result);
        return;
      } catch (RuntimeException e) {
        failures++;
        if (stopping) {
          throw e;
        }
        Duration delay = policy.backoff().delay(failures);
        if (failures == 1 || failures % 20 == 0) {
          LOG.error(
              "destination {}: id={} controlId={} was delivered but could not be marked delivered"
                  + " (failure {}); retrying the mark, not the delivery, in {} ms",
              destination.name(),
              output.id(),
              LogSafe.text(output.controlId()),
              failures,
              delay.toMillis(),
              e);
        }
        pause(delay);
      }
    }
  }

  private DeliveryResult attempt(Output output) throws InterruptedException {
    try {
      return destination.deliver(output);
    } catch (RuntimeException e) {
      LOG.error("destination {}: delivering id={} failed", destination.name(), output.id(), e);
      return DeliveryResult.transientFailure("destination failed: " + e);
    }
  }

  private static void pause(Duration delay) throws InterruptedException {
    TimeUnit.MILLISECONDS.sleep(delay.toMillis());
  }

  /**
   * Stops: wakes the thread, closes the destination (which cuts a running attempt short) and waits
   * up to five seconds for the thread to end. An output whose attempt was cut short stays pending.
   */
  @Override
  public void close() {
    stopping = true;
    thread.interrupt();
    destination.close();
    try {
      thread.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (thread.isAlive()) {
      LOG.warn("destination {}: delivery thread did not stop in 5 s", destination.name());
    }
  }
}
