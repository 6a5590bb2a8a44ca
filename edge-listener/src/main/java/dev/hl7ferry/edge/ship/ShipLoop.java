package dev.hl7ferry.edge.ship;

import dev.hl7ferry.edge.retry.Backoff;
import dev.hl7ferry.edge.spool.SpoolEntry;
import dev.hl7ferry.edge.spool.SpoolShipping;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shipping loop, run on the shipper's own thread. Each round reads up to {@code fetchSize}
 * unshipped entries past its cursor, ships them ({@link BatchShipper}), marks the confirmed ones
 * shipped and retries the rest with exponential backoff and jitter; the cursor only moves past a
 * run once all of it shipped (or was quarantined), so a long outage ends with an in-order drain.
 * The next run's payloads are put while the current run's envelopes are sent (pipelining). An entry
 * the cloud refuses for good is quarantined after {@code maxAttempts} ({@link Refusals}), so no
 * entry stops the line.
 */
final class ShipLoop implements Runnable {
  // Logs under the shipper's name, as it did before the loop, watch and pruner were split.
  private static final Logger log = LoggerFactory.getLogger(Shipper.class);

  private final SpoolShipping spool;
  private final ShipSettings settings;
  private final BatchShipper batchShipper;
  private final Backoff backoff;
  private final Confirmations confirmations;
  private final ReplayWatch watch;
  private final Pruner pruner;
  private final ShipListener listener;
  private final Clock clock;
  private final Refusals refusals;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition work = lock.newCondition();
  private boolean woken;
  private volatile boolean running = true;

  /** Failed rounds in a row (cloud or spool); only the loop's thread touches it. */
  private int failures;

  ShipLoop(
      SpoolShipping spool,
      ShipSettings settings,
      BatchShipper batchShipper,
      Backoff backoff,
      Confirmations confirmations,
      ReplayWatch watch,
      Pruner pruner,
      ShipListener listener,
      Clock clock) {
    this.spool = spool;
    this.settings = settings;
    this.batchShipper = batchShipper;
    this.backoff = backoff;
    this.confirmations = confirmations;
    this.watch = watch;
    this.pruner = pruner;
    this.listener = listener;
    this.clock = clock;
    this.refusals = new Refusals(spool, settings.maxAttempts(), batchShipper, listener);
  }

  /** New entries may be in the spool: an idle loop looks at once. */
  void wake() {
    lock.lock();
    try {
      woken = true;
      work.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Ends the loop after its current step; the caller interrupts the thread to cut waits short. */
  void stop() {
    running = false;
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

  @Override
  public void run() {
    long cursor = 0;
    Run next = null;
    while (running) {
      try {
        if (watch.takeRewind()) {
          cursor = 0;
          next = null;
        }
        pruner.pruneIfDue();
        Run current = next;
        next = null;
        if (current == null) {
          List<SpoolEntry> entries = spool.unshipped(cursor, settings.fetchSize());
          if ((entries.isEmpty() || watch.rescanDue()) && cursor > 0 && watch.resetBehind(cursor)) {
            cursor = 0;
            continue;
          }
          if (entries.isEmpty()) {
            awaitWork(settings.idlePoll());
            continue;
          }
          current = prepare(entries);
        } else if (watch.rescanDue() && watch.resetBehind(cursor)) {
          cursor = 0;
          continue;
        }
        // Pipelining: the next run's payloads go up while this run's envelopes are sent. Its
        // envelopes still wait until this run shipped completely (order), only the puts overlap.
        List<SpoolEntry> following = spool.unshipped(current.lastSequence(), settings.fetchSize());
        if (!following.isEmpty()) {
          next = prepare(following);
        }
        ship(current);
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
        listener.failed(FailureKind.SPOOL);
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

  /**
   * Ships {@code current} until all of it shipped or was quarantined, or the loop stops. An entry
   * the cloud refuses for good ({@link ShipFailure#permanent}) is counted; at {@code maxAttempts}
   * it is quarantined and the rest goes on without it. Outages are only retried.
   */
  private void ship(Run current) throws InterruptedException {
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
      pending = refusals.settle(round);
      if (pending.isEmpty()) {
        failures = 0;
        return;
      }
      failures++;
      Duration wait = backoff.delay(failures);
      listener.failed(
          round.failures().values().stream().anyMatch(ShipFailure::permanent)
              ? FailureKind.REFUSED
              : FailureKind.OUTAGE);
      listener.retrying(pending.size(), failures, wait, round.firstError());
      log.warn(
          "{} entries not shipped (failure {} in a row), retry in {} ms: {}",
          pending.size(),
          failures,
          wait.toMillis(),
          round.firstError());
      sleep(wait);
    }
  }

  private void markShipped(List<Shipment> shipped, long startedNanos) {
    List<String> ids = shipped.stream().map(Shipment::entryId).toList();
    spool.markShipped(shipped.stream().map(Shipment::sequence).toList(), clock.instant());
    batchShipper.forget(ids);
    refusals.forget(ids);
    confirmations.shipped(ids);
    long bytes = 0;
    for (Shipment s : shipped) {
      bytes += s.payload().length;
    }
    listener.shipped(ids.size(), bytes, Duration.ofNanos(System.nanoTime() - startedNanos));
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
