package dev.hl7ferry.edge.spool;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The input of one spool thread: callers add without blocking until it is closed; the thread takes
 * what is queued in batches. Closing adds an end marker after everything queued before it, so the
 * thread finishes that work and stops.
 */
public final class SpoolQueue<T> {
  private final LinkedBlockingQueue<T> queue = new LinkedBlockingQueue<>();
  private boolean closed;

  /** Queues {@code item}; false (nothing queued) once closed. */
  public synchronized boolean add(T item) {
    if (closed) {
      return false;
    }
    queue.add(item);
    return true;
  }

  /** Queues {@code items} in order; false (nothing queued) once closed. */
  public synchronized boolean addAll(Collection<? extends T> items) {
    if (closed) {
      return false;
    }
    queue.addAll(items);
    return true;
  }

  /** Closes the queue with {@code end} as its last element; false when it was closed already. */
  public synchronized boolean close(T end) {
    if (closed) {
      return false;
    }
    closed = true;
    queue.add(end);
    return true;
  }

  /**
   * Takes at least one element (waiting for it), then what is queued, up to {@code max}; then,
   * while {@code wantMore} holds for the batch, waits up to {@code waitNanos} in all for more.
   * Interrupts do not end the wait for the first element: only closing ends a spool thread, and a
   * stray interrupt must not make it drop queued work. They cut the wait for more short.
   */
  public void gather(List<T> batch, int max, long waitNanos, Predicate<List<T>> wantMore) {
    while (batch.isEmpty()) {
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        // see above: keep waiting
      }
    }
    queue.drainTo(batch, max - batch.size());
    long deadline = System.nanoTime() + waitNanos;
    try {
      while (batch.size() < max && wantMore.test(batch)) {
        long left = deadline - System.nanoTime();
        T next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
        if (next == null) {
          return;
        }
        batch.add(next);
        queue.drainTo(batch, max - batch.size());
      }
    } catch (InterruptedException e) {
      // write what was gathered
    }
  }
}
