package dev.hl7ferry.edge.ship;

import dev.hl7ferry.edge.retry.Backoff;
import dev.hl7ferry.edge.spool.ShipperSpool;
import dev.hl7ferry.edge.spool.SpoolEntry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the spool to the cloud in receive order, on its own thread. Each round reads up to {@code
 * fetchSize} unshipped entries, ships them ({@link BatchShipper}), marks the confirmed ones shipped
 * and retries the rest with exponential backoff and jitter; it only moves past a run of entries
 * once all of them shipped, so a long outage ends with an in-order drain. The next run's payloads
 * are put while the current run's envelopes are sent (pipelining). Entries found unshipped behind
 * the cursor (a replay from another process) make it rewind. Shipped entries are pruned after the
 * retention.
 */
public final class Shipper implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Shipper.class);

  /** How often a busy shipper checks for entries replayed behind its cursor. */
  private static final long RESCAN_NANOS = TimeUnit.SECONDS.toNanos(5);

  private final ShipperSpool spool;
  private final ShipSettings settings;
  private final ShipListener listener;
  private final Clock clock;
  private final AutoCloseable resources;
  private final ExecutorService putExecutor;
  private final ExecutorService sendExecutor;
  private final BatchShipper batchShipper;
  private final Backoff backoff;
  private final Confirmations confirmations = new Confirmations(100_000);
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition work = lock.newCondition();
  private boolean woken;
  private volatile boolean running;
  private boolean stopped;
  private volatile boolean rewind;
  private Thread thread;
  private Instant nextPrune;
  private long lastRescan = System.nanoTime();

  /**
   * @param resources closed after the shipper stopped (the cloud clients), may be null
   */
  public Shipper(
      ShipperSpool spool,
      PayloadStore store,
      EnvelopeQueue queue,
      ShipSettings settings,
      ShipListener listener,
      Clock clock,
      AutoCloseable resources) {
    this.spool = spool;
    this.settings = settings;
    this.listener = listener == null ? ShipListener.NONE : listener;
    this.clock = clock;
    this.resources = resources;
    this.putExecutor = pool("ship-put-", settings.putConcurrency());
    // Sends get threads of their own: queued behind the next run's puts they would wait for them.
    this.sendExecutor = pool("ship-send-", settings.putConcurrency());
    this.batchShipper = new BatchShipper(store, queue, settings, putExecutor, sendExecutor);
    this.backoff =
        new Backoff(
            settings.initialBackoff(),
            settings.maxBackoff(),
            () -> ThreadLocalRandom.current().nextDouble());
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

  /** Starts the shipping thread. */
  public synchronized void start() {
    if (thread != null || stopped) {
      throw new IllegalStateException("a shipper starts once");
    }
    running = true;
    nextPrune = clock.instant();
    thread = new Thread(this::run, "ship-" + settings.site());
    thread.start();
    listener.running(true);
  }

  /** Tells the shipper new entries are in the spool (call after a store commits); cheap. */
  public void wake() {
    lock.lock();
    try {
      woken = true;
      work.signalAll();
    } finally {
      lock.unlock();
    }
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
    rewind = true;
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
      running = false;
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
    putExecutor.shutdownNow();
    sendExecutor.shutdownNow();
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

  /** A run of entries prepared for shipping, its puts possibly under way already. */
  private record Run(List<Shipment> shipments, long lastSequence, BatchShipper.Puts puts) {}

  private Run prepare(List<SpoolEntry> entries) {
    List<Shipment> shipments = new ArrayList<>(entries.size());
    for (SpoolEntry entry : entries) {
      shipments.add(Shipment.of(entry, settings));
    }
    return new Run(
        shipments, entries.get(entries.size() - 1).sequence(), batchShipper.startPuts(shipments));
  }

  private void run() {
    long cursor = 0;
    int failures = 0;
    Run next = null;
    while (running) {
      try {
        if (rewind) {
          rewind = false;
          cursor = 0;
          next = null;
        }
        pruneIfDue();
        Run current = next;
        next = null;
        if (current == null) {
          List<SpoolEntry> entries = spool.unshipped(cursor, settings.fetchSize());
          if ((entries.isEmpty() || rescanDue()) && cursor > 0 && resetBehind(cursor)) {
            cursor = 0;
            continue;
          }
          if (entries.isEmpty()) {
            awaitWork(settings.idlePoll());
            continue;
          }
          current = prepare(entries);
        } else if (rescanDue() && resetBehind(cursor)) {
          cursor = 0;
          continue;
        }
        // Pipelining: the next run's payloads go up while this run's envelopes are sent. Its
        // envelopes still wait until this run shipped completely (order), only the puts overlap.
        List<SpoolEntry> following = spool.unshipped(current.lastSequence(), settings.fetchSize());
        if (!following.isEmpty()) {
          next = prepare(following);
        }
        List<Shipment> pending = current.shipments();
        boolean first = true;
        while (running && !pending.isEmpty()) {
          long started = System.nanoTime();
          RoundResult round =
              first
                  ? batchShipper.finish(pending, current.puts(), failures > 0)
                  : batchShipper.ship(pending, true);
          first = false;
          if (!round.shipped().isEmpty()) {
            markShipped(round.shipped(), started);
          }
          if (round.complete()) {
            failures = 0;
            break;
          }
          failures++;
          pending = round.unshipped();
          spool.recordAttempt(pending.stream().map(Shipment::sequence).toList());
          Duration wait = backoff.delay(failures);
          listener.retrying(pending.size(), failures, wait, round.firstError());
          log.warn(
              "{} entries not shipped (failure {} in a row), retry in {} ms: {}",
              pending.size(),
              failures,
              wait.toMillis(),
              round.firstError());
          sleep(wait);
        }
        if (failures == 0) {
          cursor = current.lastSequence();
        }
      } catch (InterruptedException e) {
        if (running) {
          log.warn("shipper interrupted while running; stopping");
        }
        return;
      } catch (RuntimeException e) {
        // The spool itself failed (read or mark): back off like a cloud failure, start over.
        next = null;
        failures++;
        Duration wait = backoff.delay(failures);
        listener.retrying(0, failures, wait, "spool: " + e);
        log.error("shipping round failed in the spool, retry in {} ms", wait.toMillis(), e);
        try {
          sleep(wait);
        } catch (InterruptedException stop) {
          return;
        }
      }
    }
  }

  private void markShipped(List<Shipment> shipped, long startedNanos) {
    List<String> ids = shipped.stream().map(Shipment::entryId).toList();
    spool.markShipped(shipped.stream().map(Shipment::sequence).toList(), clock.instant());
    confirmations.shipped(ids);
    long bytes = 0;
    for (Shipment s : shipped) {
      bytes += s.payload().length;
    }
    listener.shipped(ids.size(), bytes, Duration.ofNanos(System.nanoTime() - startedNanos));
  }

  private boolean rescanDue() {
    long now = System.nanoTime();
    if (now - lastRescan < RESCAN_NANOS) {
      return false;
    }
    lastRescan = now;
    return true;
  }

  /**
   * Whether an entry behind the cursor is unshipped again: {@code ferry-edge spool replay} ran in
   * another process beside this one (the cursor only passes entries once they shipped, so nothing
   * else puts one there). A cheap indexed look-up, done when idle and every few seconds.
   */
  private boolean resetBehind(long cursor) {
    List<SpoolEntry> first = spool.unshipped(0, 1);
    if (!first.isEmpty() && first.get(0).sequence() <= cursor) {
      log.info(
          "entries from sequence {} are unshipped again (replay): rewinding",
          first.get(0).sequence());
      return true;
    }
    return false;
  }

  private void pruneIfDue() {
    Instant now = clock.instant();
    if (now.isBefore(nextPrune)) {
      return;
    }
    nextPrune = now.plus(settings.pruneInterval());
    int pruned = spool.pruneShipped(now.minus(settings.retention()));
    if (pruned > 0) {
      listener.pruned(pruned);
      log.info("pruned {} shipped entries older than {}", pruned, settings.retention());
    }
  }

  private void awaitWork(Duration max) throws InterruptedException {
    lock.lock();
    try {
      if (!woken) {
        work.await(max.toNanos(), TimeUnit.NANOSECONDS);
      }
      woken = false;
    } finally {
      lock.unlock();
    }
  }

  private static void sleep(Duration d) throws InterruptedException {
    Thread.sleep(d.toMillis());
  }
}
