package dev.hl7ferry.edge.outbound;

import dev.hl7ferry.edge.retry.Backoff;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit of the outputs' endings: every destination's delivery thread hands its endings here
 * and goes on with its next output, and one thread ({@code outbound-commit}) records all endings
 * queued meanwhile, of every destination, at once (their receipts in one journal write, their marks
 * in one index transaction). A destination may run at most {@code maxUncommitted} endings ahead of
 * what is recorded, counting the output in flight: that is how many of its outputs a crash can make
 * the edge deliver again. A group is taken once a destination has half its bound unrecorded, once
 * someone waits for it, or a short linger after its first ending (so one busy destination's endings
 * share a commit instead of waking this thread for each). A failed commit is retried with backoff,
 * the same endings in the same order, until it holds.
 */
final class EndingCommitter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EndingCommitter.class);
  private static final long CLOSE_WAIT_MILLIS = TimeUnit.SECONDS.toMillis(10);

  /** The longest an ending waits for others to share its commit. */
  static final Duration LINGER = Duration.ofMillis(5);

  /** Records a group of endings durably, in order; throws when it did not. */
  interface Recorder {
    void record(List<Ending> endings);
  }

  private final Recorder recorder;
  private final int maxUncommitted;
  private final int groupAt;
  private final long lingerNanos;
  private final Backoff backoff;
  private final ArrayDeque<Ending> queued = new ArrayDeque<>();
  private final Map<String, Integer> uncommitted = new HashMap<>();
  private final Thread thread;
  private boolean closing;
  private boolean stopped;
  private boolean urgent;
  private long firstQueuedNanos;
  private long groups;

  /**
   * @param maxUncommitted at least 1; 1 = each ending recorded before the destination's next send
   */
  EndingCommitter(Recorder recorder, int maxUncommitted, Backoff backoff) {
    this(recorder, maxUncommitted, backoff, LINGER);
  }

  /**
   * @param linger the longest an ending waits for others while its destination has fewer than half
   *     its bound unrecorded and no one waits
   */
  EndingCommitter(Recorder recorder, int maxUncommitted, Backoff backoff, Duration linger) {
    if (maxUncommitted < 1) {
      throw new IllegalArgumentException(
          "maxUncommitted must be at least 1, was " + maxUncommitted);
    }
    this.recorder = recorder;
    this.maxUncommitted = maxUncommitted;
    this.groupAt = Math.max(1, maxUncommitted / 2);
    this.lingerNanos = linger.toNanos();
    this.backoff = backoff;
    this.thread = new Thread(this::run, "outbound-commit");
    this.thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /** Queues {@code ending}; fails once the committer is closing (the output stays pending). */
  synchronized void submit(Ending ending) {
    if (closing) {
      throw new IllegalStateException("outbound store is closing: " + ending.outputId() + " stays");
    }
    boolean first = queued.isEmpty();
    if (first) {
      firstQueuedNanos = System.nanoTime();
    }
    queued.add(ending);
    if (uncommitted.merge(ending.destination(), 1, Integer::sum) >= groupAt) {
      urgent = true;
      notifyAll();
    } else if (first) {
      notifyAll(); // the linger starts: one wake-up per group, not per ending
    }
  }

  /** Waits until {@code destination} may send its next output (fewer than the bound unrecorded). */
  synchronized void awaitRoom(String destination) throws InterruptedException {
    while (!stopped && count(destination) >= maxUncommitted) {
      hurry();
      wait();
    }
  }

  /** Waits until every ending of {@code destination} handed in so far is recorded. */
  synchronized void awaitRecorded(String destination) throws InterruptedException {
    while (!stopped && count(destination) > 0) {
      hurry();
      wait();
    }
  }

  /** Someone waits: the queued endings go without their linger. */
  private void hurry() {
    if (!urgent) {
      urgent = true;
      notifyAll();
    }
  }

  /** Groups recorded so far (each one journal write of receipts and one index transaction). */
  synchronized long groups() {
    return groups;
  }

  private int count(String destination) {
    return uncommitted.getOrDefault(destination, 0);
  }

  private void run() {
    try {
      List<Ending> group;
      while ((group = take()) != null) {
        if (recordUntilDone(group)) {
          done(group);
        }
      }
    } catch (InterruptedException e) {
      LOG.warn("outbound commit thread interrupted; unrecorded endings are delivered again");
    } finally {
      synchronized (this) {
        stopped = true;
        notifyAll();
      }
    }
  }

  private synchronized List<Ending> take() throws InterruptedException {
    while (true) {
      if (queued.isEmpty()) {
        if (closing) {
          return null;
        }
        wait();
        continue;
      }
      long left = firstQueuedNanos + lingerNanos - System.nanoTime();
      if (urgent || closing || left <= 0) {
        break;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    urgent = false;
    List<Ending> group = new ArrayList<>(queued);
    queued.clear();
    return group;
  }

  private synchronized void done(List<Ending> group) {
    groups++;
    for (Ending ending : group) {
      uncommitted.merge(ending.destination(), -1, Integer::sum);
    }
    notifyAll();
  }

  /** Records {@code group}, retrying; false when given up at close (it stays pending). */
  private boolean recordUntilDone(List<Ending> group) throws InterruptedException {
    int failures = 0;
    while (true) {
      try {
        recorder.record(group);
        if (failures > 0) {
          LOG.info("outbound: recording endings works again after {} failure(s)", failures);
        }
        return true;
      } catch (RuntimeException e) {
        failures++;
        boolean givingUp;
        synchronized (this) {
          givingUp = closing;
        }
        if (givingUp) {
          LOG.error(
              "outbound: recording {} ending(s) failed at close; those outputs are delivered"
                  + " again after the restart",
              group.size(),
              e);
          return false;
        }
        if (failures == 1 || failures % 20 == 0) {
          LOG.error("outbound: recording {} ending(s) failed ({})", group.size(), failures, e);
        }
        TimeUnit.MILLISECONDS.sleep(backoff.delay(failures).toMillis());
      }
    }
  }

  /**
   * Records what is queued, then stops the thread (waits up to 10 s). Call after the delivery loops
   * stopped and before the spools close.
   */
  @Override
  public void close() {
    synchronized (this) {
      if (closing) {
        return;
      }
      closing = true;
      notifyAll();
    }
    if (!thread.isAlive()) {
      synchronized (this) {
        stopped = true;
        notifyAll();
      }
      return;
    }
    try {
      thread.join(CLOSE_WAIT_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (thread.isAlive()) {
      LOG.warn("outbound: the commit thread did not stop in 10 s; interrupting it");
      thread.interrupt();
    }
  }
}
