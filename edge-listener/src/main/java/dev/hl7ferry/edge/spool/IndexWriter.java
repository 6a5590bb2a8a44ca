package dev.hl7ferry.edge.spool;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The spool's single SQLite writer thread ({@code spool-index}). It takes the journal's records in
 * large batches (waiting up to {@code linger} for a batch to fill, since nobody waits on it when
 * the journal answers) and indexes each batch in one transaction; it also runs the read side's
 * updates (mark shipped, attempts, replay, prune) in between, in the order they were queued.
 *
 * <p>A failed index transaction is retried with backoff until it succeeds: the records are
 * acknowledged and durable in the journal. Segments go only when no entry needs them ({@link
 * SegmentRetirement}).
 */
final class IndexWriter {
  private static final Logger log = LoggerFactory.getLogger(IndexWriter.class);

  private static final long FIRST_RETRY_MILLIS = 100;
  private static final long LAST_RETRY_MILLIS = 5_000;

  /** Payload bytes the journal may hand over ahead of the index before it has to wait. */
  static final long MAX_BACKLOG_BYTES = 64L * 1024 * 1024;

  private final Path dataDir;
  private final SpoolSettings settings;
  private final Backlog backlog;
  private final long lingerNanos;
  private final LongSupplier openSegmentFirstSequence;
  private final SpoolQueue<WriteRequest> queue = new SpoolQueue<>();
  private final Object room = new Object();
  private final Thread thread;
  private final AtomicLong commits = new AtomicLong();
  private BatchWriter writer;
  private volatile boolean stopping;
  private boolean gaveUp;
  private long backlogBytes;
  private long retiredBelow;
  private long lastIndexed;

  IndexWriter(
      SpoolSettings settings,
      BatchWriter writer,
      Backlog backlog,
      Duration linger,
      long indexedThrough,
      LongSupplier openSegmentFirstSequence) {
    this.dataDir = settings.dataDir();
    this.settings = settings;
    this.writer = writer;
    this.backlog = backlog;
    this.lingerNanos = linger.toNanos();
    this.openSegmentFirstSequence = openSegmentFirstSequence;
    this.lastIndexed = indexedThrough;
    this.thread = SpoolThreads.newThread(this::run, "spool-index");
  }

  void start() {
    thread.start();
  }

  /**
   * Queues journal records for indexing, in sequence order. Blocks (the journal thread, and with it
   * the ACKs) while more than {@link #MAX_BACKLOG_BYTES} of payload wait for the index: a stalled
   * index must slow senders down, not fill the heap.
   */
  void index(List<WriteRequest.Index> records) {
    long bytes = payloadBytes(records);
    awaitRoom();
    synchronized (room) {
      backlogBytes += bytes;
    }
    if (queue.addAll(records)) {
      return;
    }
    taken(bytes);
    // Only after close: they stay in the journal and are indexed when the spool opens again.
    SpoolRejectedException refused =
        new SpoolRejectedException(SpoolRejectedException.Reason.CLOSED, "spool is closed", null);
    records.forEach(record -> record.fail(refused));
  }

  private void awaitRoom() {
    synchronized (room) {
      boolean warned = false;
      while (backlogBytes > MAX_BACKLOG_BYTES && !stopping) {
        if (!warned) {
          log.warn(
              "the spool index is {} MiB behind the journal; holding new messages until it"
                  + " catches up",
              backlogBytes >> 20);
          warned = true;
        }
        try {
          room.wait(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** The index took records of {@code bytes}: room for the journal again. */
  private void taken(long bytes) {
    synchronized (room) {
      backlogBytes -= bytes;
      room.notifyAll();
    }
  }

  /** Queues a quota refusal for the duplicate check (see {@link WriteRequest.Probe}). */
  void probe(WriteRequest.Probe probe) {
    if (!queue.add(probe)) {
      probe.fail(null);
    }
  }

  /** Runs {@code work} in its own transaction on the writer thread and waits for it. */
  int update(WriteRequest.Work work) {
    CompletableFuture<Integer> result = new CompletableFuture<>();
    return await(new WriteRequest.Update(work, result), result);
  }

  /** Queues a pass over the journal's segments (after a prune freed some). */
  void retireUnused() {
    queue.add(new WriteRequest.Retire());
  }

  /** Waits until everything queued so far is indexed (without a transaction of its own). */
  void awaitIndexed() {
    CompletableFuture<Void> reached = new CompletableFuture<>();
    await(new WriteRequest.Barrier(reached), reached);
  }

  private <T> T await(WriteRequest request, CompletableFuture<T> result) {
    if (SpoolThreads.isSpoolThread()) {
      // A store callback waiting here would block the threads that must answer it.
      throw new IllegalStateException("spool read or update called on a spool thread");
    }
    if (!queue.add(request)) {
      throw new SpoolAccessException("spool is closed", null);
    }
    try {
      return result.join();
    } catch (java.util.concurrent.CompletionException e) {
      throw new SpoolAccessException("spool update failed", e.getCause());
    }
  }

  /** Transactions committed so far (index batches and updates). */
  long commits() {
    return commits.get();
  }

  /**
   * The spool is closing: from now on a failing index batch gives up instead of retrying (its
   * records stay in the journal for the next start), and the journal no longer waits for room.
   */
  void beginClose() {
    synchronized (room) {
      stopping = true;
      room.notifyAll();
    }
  }

  /** Indexes what is queued, then closes the connection. */
  void close() {
    beginClose();
    if (queue.close(new WriteRequest.Stop())) {
      SpoolThreads.awaitEnd(thread);
    }
  }

  private void run() {
    List<WriteRequest> batch = new ArrayList<>();
    List<WriteRequest.Index> records = new ArrayList<>();
    boolean stop = false;
    while (!stop) {
      batch.clear();
      gather(batch);
      // Requests run in queue order: an update queued after a record sees it indexed.
      for (WriteRequest request : batch) {
        if (request instanceof WriteRequest.Index record) {
          records.add(record);
          continue;
        }
        indexAll(records);
        if (request instanceof WriteRequest.Update update) {
          runUpdate(update);
        } else if (request instanceof WriteRequest.Probe probe) {
          runProbe(probe);
        } else if (request instanceof WriteRequest.Barrier barrier) {
          barrier.reached().complete(null);
        } else if (request instanceof WriteRequest.Retire) {
          retire(false);
        } else if (request instanceof WriteRequest.Stop) {
          stop = true;
        }
      }
      indexAll(records);
    }
    if (!gaveUp) {
      retire(true); // a clean stop: the index holds every record, the newest segment may go too
    }
    closeWriter();
  }

  /**
   * Takes at least one request and what is queued; while only journal records came and fewer than a
   * full batch, waits up to the linger time for more.
   */
  private void gather(List<WriteRequest> batch) {
    queue.gather(batch, settings.maxBatchSize(), lingerNanos, IndexWriter::onlyRecords);
  }

  private static boolean onlyRecords(List<WriteRequest> batch) {
    return batch.get(batch.size() - 1) instanceof WriteRequest.Index;
  }

  /** Indexes {@code records} (then clears the list), retrying until the index takes them. */
  private void indexAll(List<WriteRequest.Index> records) {
    if (records.isEmpty()) {
      return;
    }
    long bytes = payloadBytes(records);
    try {
      indexOrGiveUp(records, bytes);
    } finally {
      taken(bytes);
      records.clear();
    }
  }

  private static long payloadBytes(List<WriteRequest.Index> records) {
    long bytes = 0;
    for (WriteRequest.Index record : records) {
      bytes += record.message().payload().length;
    }
    return bytes;
  }

  private void indexOrGiveUp(List<WriteRequest.Index> records, long bytes) {
    if (gaveUp) {
      // An earlier batch is missing from the index: indexing later ones would move the journal
      // mark past it. They all stay in the journal and are indexed at the next start.
      SpoolRejectedException refused =
          new SpoolRejectedException(
              SpoolRejectedException.Reason.CLOSED, "spool is closing", null);
      records.forEach(record -> record.fail(refused));
      return;
    }
    long delay = FIRST_RETRY_MILLIS;
    while (true) {
      BatchWriter current;
      List<StoreResult> results;
      try {
        current = writer();
        results = current.write(records);
      } catch (SQLException | RuntimeException e) {
        closeWriter();
        if (stopping) {
          log.error(
              "indexing {} journal record(s) failed while stopping; they stay in the journal"
                  + " and are indexed when the spool opens again",
              records.size(),
              e);
          SpoolRejectedException refused = SpoolFailures.rejection(e, records.size());
          records.forEach(record -> record.fail(refused));
          gaveUp = true;
          return;
        }
        log.error(
            "indexing {} journal record(s) failed (they are safe in the journal); retrying in"
                + " {} ms",
            records.size(),
            delay,
            e);
        sleep(delay);
        delay = Math.min(delay * 2, LAST_RETRY_MILLIS);
        continue;
      }
      // Committed: what follows must not send the batch round again.
      commits.incrementAndGet();
      indexed(current, records, bytes, results);
      return;
    }
  }

  private void indexed(
      BatchWriter current,
      List<WriteRequest.Index> records,
      long bytes,
      List<StoreResult> results) {
    List<Completions.Answer> answers = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      WriteRequest.Index record = records.get(i);
      StoreResult result = results.get(i);
      if (result.outcome() == StoreOutcome.STORED_CONTROL_ID_REUSED) {
        IncomingMessage message = record.message();
        log.warn(
            "stored peer={} controlId={} type={} id={} note=control id reused with other content",
            message.peer(),
            message.controlId(),
            message.messageType(),
            result.id());
      }
      if (record.waiting() != null) {
        answers.add(new Completions.Answer(record.waiting(), result));
      }
    }
    try {
      BatchWriter.Tally tally = current.unshipped();
      backlog.indexed(records.size(), bytes, tally.messages(), tally.bytes());
    } catch (SQLException | RuntimeException e) {
      log.warn("reading the spool tally failed; the quota counts the batch without it", e);
      backlog.indexed(records.size(), bytes);
    }
    Completions.deliver(answers);
    lastIndexed = records.get(records.size() - 1).sequence();
    retireSegments(lastIndexed);
  }

  /**
   * Once the index passed the start of the journal's open segment, the segments before it are fully
   * indexed: retire those no entry needs (all resends, or shipped and pruned meanwhile).
   */
  private void retireSegments(long indexedThrough) {
    long open = openSegmentFirstSequence.getAsLong();
    if (open <= retiredBelow || indexedThrough < open - 1) {
      return;
    }
    retiredBelow = open;
    retire(false);
  }

  private void retire(boolean includingNewest) {
    try {
      int deleted =
          SegmentRetirement.run(
              writer(), JournalSegments.directory(dataDir), lastIndexed, includingNewest);
      if (deleted > 0) {
        log.debug("deleted {} journal segment(s) no entry needs", deleted);
      }
    } catch (IOException | SQLException | RuntimeException e) {
      log.warn("deleting journal segments failed; trying again later", e);
    }
  }

  private void runUpdate(WriteRequest.Update update) {
    BatchWriter current;
    int changed;
    try {
      current = writer();
      changed = current.update(update.work());
    } catch (SQLException | RuntimeException e) {
      update.fail(e);
      closeWriter();
      return;
    }
    commits.incrementAndGet();
    try {
      BatchWriter.Tally tally = current.unshipped();
      backlog.tally(tally.messages(), tally.bytes());
    } catch (SQLException | RuntimeException e) {
      log.warn("reading the spool tally failed; the quota catches up at the next transaction", e);
    }
    update.result().complete(changed);
  }

  private void runProbe(WriteRequest.Probe probe) {
    WriteRequest.Store store = probe.store();
    long held;
    try {
      held = writer().heldSequence(store.message(), store.id());
    } catch (SQLException | RuntimeException e) {
      closeWriter();
      held = -1;
    }
    if (held < 0) {
      store.fail(probe.refusal());
      return;
    }
    Completions.deliver(
        List.of(
            new Completions.Answer(
                store, new StoreResult(store.id(), held, StoreOutcome.DUPLICATE))));
  }

  private BatchWriter writer() throws SQLException {
    if (writer == null) {
      writer = SqliteSpool.newBatchWriter(dataDir);
    }
    return writer;
  }

  /**
   * Drops the connection after a failure (and at the end); the next request opens a fresh one.
   * sqlite-jdbc may leave prepared statements closed after an error, and a clean connection is
   * cheap next to guessing which state survived.
   */
  private void closeWriter() {
    if (writer == null) {
      return;
    }
    try {
      writer.close();
    } catch (SQLException e) {
      log.warn("closing the spool writer connection failed", e);
    }
    writer = null;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      // Only close() ends this thread; retry at once.
    }
  }
}
