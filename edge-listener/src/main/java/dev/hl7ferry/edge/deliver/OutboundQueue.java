package dev.hl7ferry.edge.deliver;

import java.time.Duration;
import java.util.Optional;

/**
 * The outputs waiting for delivery, in order per destination. The durable implementation sits on
 * the edge's store; every method may block on disk and is called from delivery threads only. Each
 * destination's methods are called by one thread.
 */
public interface OutboundQueue {

  /**
   * The oldest output of {@code destination} that is neither delivered nor dead-lettered, waiting
   * up to {@code wait} for one to arrive. The same output is returned again until it is marked.
   */
  Optional<PendingOutput> next(String destination, Duration wait) throws InterruptedException;

  /**
   * The output got through; {@code result} holds the destination's ACK code and text. May be called
   * again for the same head after it threw (the delivery loop retries the mark, not the delivery).
   */
  void markDelivered(Output output, DeliveryResult result);

  /** An attempt failed and the output stays at the head of its line to be tried again. */
  void recordAttempt(Output output, DeliveryResult result);

  /**
   * The output is given up on: it leaves the line so the next one can go; {@code lastResult} holds
   * the last ACK for the dead-letter record.
   */
  void deadLetter(Output output, String reason, DeliveryResult lastResult);
}
