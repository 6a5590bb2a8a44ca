package dev.hl7ferry.edge.spool;

import dev.hl7ferry.edge.spool.SpoolRejectedException.Reason;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes committed batches durable and only then releases their results: the second half of the
 * group commit, on a thread of its own.
 *
 * <p>The writer connection runs with {@code synchronous=NORMAL}: its COMMIT appends the batch's
 * frames to the WAL with {@code write()} and returns without an fsync. The writer hands the batch's
 * outcomes here and goes on with the next batch at once, while this thread calls {@code fdatasync}
 * on the WAL file. An fsync that starts after a commit's {@code write()} returned covers that
 * commit's frames, so every batch handed over before the fsync began is durable when it returns;
 * only then do their futures complete (and the ACKs go out). Batches committed while an fsync runs
 * share the next one. SQLite's recovery replays the WAL's valid commit frames in order, so what was
 * synced survives a crash or power loss; SQLite keeps its own ordering rules (the WAL is synced
 * before each checkpoint copies it into the database file).
 *
 * <p>If the fsync fails, the batches it covered are refused (AR/CR, ERR 207): they may or may not
 * have reached the disk, and the sender's resend is recognised as a duplicate if they did.
 */
final class WalSyncer {
  private static final Logger log = LoggerFactory.getLogger(WalSyncer.class);

  /** What the syncer forces: the WAL of one writer connection. */
  @FunctionalInterface
  interface Wal {
    void sync() throws IOException;
  }

  private record Batch(List<BatchWriter.Outcome> outcomes, Wal wal) {}

  private final Object lock = new Object();
  private final Thread thread;
  private List<Batch> pending = new ArrayList<>();
  private boolean syncing;
  private boolean stopping;
  private long syncs;

  WalSyncer() {
    this.thread = new Thread(this::run, "spool-sync");
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /** Queues a committed batch; its outcomes complete after the next fsync of the WAL. */
  void committed(List<BatchWriter.Outcome> outcomes, Wal wal) {
    synchronized (lock) {
      pending.add(new Batch(outcomes, wal));
      lock.notifyAll();
    }
  }

  /** Waits until every batch handed over so far is synced and released. */
  void awaitIdle() {
    boolean interrupted = false;
    synchronized (lock) {
      while ((!pending.isEmpty() || syncing) && thread.isAlive()) {
        try {
          lock.wait();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Whether the caller is this syncer's thread (where store callbacks run without an executor). */
  boolean isOwnThread() {
    return Thread.currentThread() == thread;
  }

  /** WAL fsyncs done so far. */
  long syncs() {
    synchronized (lock) {
      return syncs;
    }
  }

  /** Syncs and releases what is queued, then stops the thread. */
  void close() {
    synchronized (lock) {
      stopping = true;
      lock.notifyAll();
    }
    SpoolThreads.awaitEnd(thread);
  }

  private void run() {
    while (true) {
      List<Batch> batches;
      synchronized (lock) {
        while (pending.isEmpty() && !stopping) {
          try {
            lock.wait();
          } catch (InterruptedException e) {
            // Only close() ends this thread: committed batches must still be released.
          }
        }
        if (pending.isEmpty()) {
          return;
        }
        batches = pending;
        pending = new ArrayList<>();
        syncing = true;
      }
      try {
        syncAndRelease(batches);
      } catch (RuntimeException e) {
        // Never let this thread die: every later ACK waits on it. What was in hand is refused.
        List<BatchWriter.Outcome> outcomes = new ArrayList<>();
        batches.forEach(batch -> outcomes.addAll(batch.outcomes()));
        refuse(outcomes, "releasing spool results failed", e);
      }
      synchronized (lock) {
        syncing = false;
        syncs++;
        lock.notifyAll();
      }
    }
  }

  private void syncAndRelease(List<Batch> batches) {
    List<BatchWriter.Outcome> outcomes = new ArrayList<>();
    Wal synced = null;
    IOException failure = null;
    for (Batch batch : batches) {
      // Normally one writer; after a reconnect, batches of the old one come first.
      if (batch.wal() != synced && failure == null) {
        try {
          batch.wal().sync();
          synced = batch.wal();
        } catch (IOException e) {
          failure = e;
        }
      }
      outcomes.addAll(batch.outcomes());
    }
    if (failure == null) {
      Completions.deliver(outcomes);
      return;
    }
    refuse(outcomes, "fsync of the spool WAL failed", failure);
  }

  /** Fails the outcomes' futures with STORE_FAILED (AR/CR + ERR 207), one log line for all. */
  private static void refuse(List<BatchWriter.Outcome> outcomes, String why, Exception cause) {
    log.error("{}; refusing {} message(s)", why, outcomes.size(), cause);
    Completions.fail(outcomes, new SpoolRejectedException(Reason.STORE_FAILED, why, cause));
  }
}
