package dev.hl7ferry.edge.ship;

import dev.hl7ferry.edge.retry.Backoff;
import dev.hl7ferry.edge.spool.ShipperSpool;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the spool to the cloud in receive order, on its own thread: starts and stops the {@link
 * ShipLoop}, which ships, with a {@link ReplayWatch} that rewinds it after a replay and a {@link
 * Pruner} that deletes shipped entries after the retention. Its threads are given to it ({@link
 * ShipThreads}) and shut down when it stops.
 */
public final class Shipper implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Shipper.class);

  private final ShipperSpool spool;
  private final ShipThreads threads;
  private final ShipListener listener;
  private final AutoCloseable resources;
  private final Confirmations confirmations = new Confirmations(100_000);
  private final ReplayWatch watch;
  private final Pruner pruner;
  private final ShipLoop loop;
  private boolean stopped;
  private Thread thread;

  /**
   * @param threads the pools and the loop's thread; shut down when the shipper stops
   * @param resources closed after the shipper stopped (the cloud clients), may be null
   */
  public Shipper(
      ShipperSpool spool,
      PayloadStore store,
      EnvelopeQueue queue,
      ShipSettings settings,
      ShipThreads threads,
      ShipListener listener,
      Clock clock,
      AutoCloseable resources) {
    this.spool = spool;
    this.threads = threads;
    this.listener = listener == null ? ShipListener.NONE : listener;
    this.resources = resources;
    this.watch = new ReplayWatch(spool);
    this.pruner =
        new Pruner(spool, settings.retention(), settings.pruneInterval(), this.listener, clock);
    this.loop =
        new ShipLoop(
            spool,
            settings,
            new BatchShipper(store, queue, settings, threads.puts(), threads.sends()),
            Backoff.jittered(settings.initialBackoff(), settings.maxBackoff()),
            confirmations,
            watch,
            pruner,
            this.listener,
            clock);
  }

  /** Starts the shipping thread. */
  public synchronized void start() {
    if (thread != null || stopped) {
      throw new IllegalStateException("a shipper starts once");
    }
    pruner.start();
    thread = threads.loop().newThread(loop);
    thread.start();
    listener.running(true);
  }

  /** Tells the shipper new entries are in the spool (call after a store commits); cheap. */
  public void wake() {
    loop.wake();
  }

  /**
   * Completes once entry {@code id} is confirmed in S3 and SQS and marked shipped ({@code
   * ack-after: cloud}). Fails if the shipper stops first. Entries shipped long ago (before the last
   * 100,000) are not remembered: their future only completes if they are shipped again.
   */
  public CompletableFuture<Void> whenShipped(String id) {
    CompletableFuture<Void> f = confirmations.whenShipped(id);
    wake();
    return f;
  }

  /**
   * Re-ships every entry received at or after {@code since} (idempotent: same keys, same
   * deduplication ids); returns how many entries were put back.
   */
  public int replay(Instant since) {
    int count = spool.resetShipped(since);
    watch.requestRewind();
    wake();
    return count;
  }

  /**
   * Stops after the current call to the cloud and closes the clients; unshipped entries stay in the
   * spool. Safe to call more than once, or without {@link #start}.
   */
  public void stop() {
    Thread t;
    synchronized (this) {
      if (stopped) {
        return;
      }
      stopped = true;
      loop.stop();
      t = thread;
    }
    if (t != null) {
      t.interrupt();
      try {
        t.join(TimeUnit.SECONDS.toMillis(30));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    threads.shutdownNow();
    confirmations.stopped();
    if (resources != null) {
      try {
        resources.close();
      } catch (Exception e) {
        log.warn("closing the cloud clients failed", e);
      }
    }
    listener.running(false);
  }

  @Override
  public void close() {
    stop();
  }
}
