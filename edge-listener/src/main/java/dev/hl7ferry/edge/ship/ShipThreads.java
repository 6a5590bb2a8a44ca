package dev.hl7ferry.edge.ship;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads a {@link Shipper} runs on, made by whoever wires it: the pool that puts payloads, the
 * pool that sends envelopes, and the factory of the shipping loop's own thread. The shipper shuts
 * the pools down when it stops.
 *
 * @param puts runs PutObject calls, {@code putConcurrency} at a time
 * @param sends runs SendMessageBatch calls; threads of their own, since queued behind the next
 *     run's puts they would wait for them
 * @param loop makes the one thread the shipping loop runs on
 */
public record ShipThreads(ExecutorService puts, ExecutorService sends, ThreadFactory loop) {

  /** Daemon pools of {@code putConcurrency} threads each and a loop thread named after the site. */
  public static ShipThreads of(ShipSettings settings) {
    return new ShipThreads(
        pool("ship-put-", settings.putConcurrency()),
        pool("ship-send-", settings.putConcurrency()),
        r -> new Thread(r, "ship-" + settings.site()));
  }

  /** Interrupts whatever the pools still run. */
  void shutdownNow() {
    puts.shutdownNow();
    sends.shutdownNow();
  }

  private static ExecutorService pool(String prefix, int threads) {
    AtomicInteger n = new AtomicInteger();
    return Executors.newFixedThreadPool(
        threads,
        r -> {
          Thread t = new Thread(r, prefix + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }
}
