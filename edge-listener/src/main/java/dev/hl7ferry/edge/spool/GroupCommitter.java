package dev.hl7ferry.edge.spool;

import dev.hl7ferry.edge.spool.SpoolRejectedException.Reason;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The spool's single writer thread. Callers queue requests without blocking; the thread takes
 * everything queued (from all connections) up to the batch bound, writes the store requests in one
 * transaction with one commit, and hands the batch to the {@link WalSyncer}, which completes their
 * futures once an fsync of the WAL covers it. Whatever arrives while a batch is written forms the
 * next batch, and the fsync of one batch overlaps the writing of the next, so batches grow with
 * load and the disk's fsync latency no longer sets the pace. Senders that wait for each ACK all
 * wake at once after a commit but queue their next message a few microseconds apart; so when fewer
 * requests are queued than the last batch stored, the writer waits up to {@link
 * SpoolSettings#maxCommitDelay} for that many, instead of committing the first one alone.
 *
 * <p>Store futures complete on the syncer's thread or the caller's executor; update futures on this
 * thread. Dependent actions must hand off, never block.
 */
final class GroupCommitter {
  private static final Logger log = LoggerFactory.getLogger(GroupCommitter.class);

  private final Path dataDir;
  private final SpoolSettings settings;
  private final BlockingQueue<WriteRequest> queue = new LinkedBlockingQueue<>();
  private final Object enqueueLock = new Object();
  private final Thread thread;
  private final WalSyncer syncer = new WalSyncer();
  private final AtomicLong commits = new AtomicLong();
  private BatchWriter writer;
  private boolean closed;
  private int lastStores;

  GroupCommitter(SpoolSettings settings, BatchWriter writer) {
    this.dataDir = settings.dataDir();
    this.settings = settings;
    this.writer = writer;
    this.thread = new Thread(this::run, "spool-writer");
    thread.setDaemon(true);
  }

  void start() {
    syncer.start();
    thread.start();
  }

  /** Queues a request; fails it with CLOSED once {@link #close} has begun. Never blocks. */
  void submit(WriteRequest request) {
    synchronized (enqueueLock) {
      if (!closed) {
        queue.add(request);
        return;
      }
    }
    request.fail(new SpoolRejectedException(Reason.CLOSED, "spool is closed", null));
  }

  /** Runs {@code work} in its own transaction on the writer thread and waits for it. */
  int update(WriteRequest.Work work) {
    if (Thread.currentThread() == thread || syncer.isOwnThread()) {
      // A store callback waiting here would block the threads that must run the update.
      throw new IllegalStateException("spool update called on a spool thread");
    }
    CompletableFuture<Integer> result = new CompletableFuture<>();
    submit(new WriteRequest.Update(work, result));
    try {
      return result.join();
    } catch (java.util.concurrent.CompletionException e) {
      throw new SpoolAccessException("spool update failed", e.getCause());
    }
  }

  /** Transactions committed so far (group commits and updates). */
  long commits() {
    return commits.get();
  }

  /** Stops taking requests, commits what is queued, then closes the connection. */
  void close() {
    synchronized (enqueueLock) {
      if (closed) {
        return;
      }
      closed = true;
      queue.add(new WriteRequest.Stop());
    }
    SpoolThreads.awaitEnd(thread);
  }

  private void run() {
    List<WriteRequest> batch = new ArrayList<>();
    boolean stopping = false;
    while (!stopping) {
      batch.clear();
      try {
        gather(batch);
      } catch (InterruptedException e) {
        // Only close() ends this thread; a stray interrupt must not drop queued requests.
        if (batch.isEmpty()) {
          continue;
        }
      }
      List<WriteRequest.Store> stores = new ArrayList<>(batch.size());
      for (WriteRequest request : batch) {
        if (request instanceof WriteRequest.Store store) {
          stores.add(store);
        }
      }
      lastStores = stores.size();
      if (!stores.isEmpty()) {
        storeAll(stores);
      }
      for (WriteRequest request : batch) {
        if (request instanceof WriteRequest.Update update) {
          runUpdate(update);
        } else if (request instanceof WriteRequest.Stop) {
          stopping = true;
        }
      }
    }
    syncer.close();
    closeWriter();
  }

  /** Takes at least one request, then what is queued, waiting briefly for the usual batch size. */
  private void gather(List<WriteRequest> batch) throws InterruptedException {
    int max = settings.maxBatchSize();
    batch.add(queue.take());
    queue.drainTo(batch, max - batch.size());
    int expected = Math.min(lastStores, max);
    long delay = settings.maxCommitDelay().toNanos();
    if (batch.size() >= expected || delay == 0) {
      return;
    }
    long deadline = System.nanoTime() + delay;
    while (batch.size() < expected && !(batch.get(batch.size() - 1) instanceof WriteRequest.Stop)) {
      long left = deadline - System.nanoTime();
      WriteRequest next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
      if (next == null) {
        return;
      }
      batch.add(next);
      queue.drainTo(batch, max - batch.size());
    }
  }

  private void storeAll(List<WriteRequest.Store> stores) {
    List<BatchWriter.Outcome> outcomes;
    BatchWriter current;
    try {
      current = writer();
      outcomes = current.write(stores);
    } catch (SQLException | RuntimeException e) {
      SpoolRejectedException rejection = SpoolFailures.rejection(e, stores.size());
      if (stores.size() > 1 && rejection.reason() == Reason.STORE_FAILED) {
        // Isolate a message that breaks its batch instead of refusing its neighbours too.
        log.warn("group commit of {} messages failed, retrying one by one", stores.size(), e);
        for (WriteRequest.Store store : stores) {
          storeAll(List.of(store));
        }
        return;
      }
      log.error(
          "spool {} for {} message(s) (control id {})",
          rejection.reason(),
          stores.size(),
          stores.get(0).message().controlId(),
          e);
      stores.forEach(store -> store.fail(rejection));
      recoverAfterFailure();
      return;
    }
    commits.incrementAndGet();
    syncer.committed(outcomes, current);
  }

  private void runUpdate(WriteRequest.Update update) {
    try {
      int changed = writer().update(update.work());
      commits.incrementAndGet();
      update.result().complete(changed);
    } catch (SQLException | RuntimeException e) {
      update.fail(e);
      recoverAfterFailure();
    }
  }

  private BatchWriter writer() throws SQLException {
    if (writer == null) {
      writer = SqliteSpool.newBatchWriter(dataDir, settings);
    }
    return writer;
  }

  /**
   * Drops the connection after a failure; the next request opens a fresh one. sqlite-jdbc may leave
   * prepared statements closed after an error, and a clean connection is cheap next to guessing
   * which state survived.
   */
  private void recoverAfterFailure() {
    closeWriter();
  }

  private void closeWriter() {
    if (writer == null) {
      return;
    }
    // The syncer may still be forcing this connection's WAL for earlier batches.
    syncer.awaitIdle();
    try {
      writer.close();
    } catch (SQLException e) {
      log.warn("closing the spool writer connection failed", e);
    }
    writer = null;
  }
}
