package dev.hl7ferry.edge.spool.index;

import dev.hl7ferry.edge.spool.Quota;
import dev.hl7ferry.edge.spool.SpoolAccessException;
import dev.hl7ferry.edge.spool.SpoolQueue;
import dev.hl7ferry.edge.spool.SpoolRejectedException;
import dev.hl7ferry.edge.spool.SpoolSettings;
import dev.hl7ferry.edge.spool.SpoolThreads;
import dev.hl7ferry.edge.spool.journal.JournalSegments;
import dev.hl7ferry.edge.spool.journal.JournalSink;
import dev.hl7ferry.edge.spool.journal.JournaledMessage;
import dev.hl7ferry.edge.spool.journal.StoreRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The spool's single SQLite writer ({@code spool-index} thread, see {@link IndexLoop}): the
 * journal's {@link JournalSink}, and the one way the read side's updates (mark shipped, attempts,
 * replay, prune) reach SQLite, queued in between the records in the order they came. Holds the
 * journal back through {@link IndexBackpressure}; segments go only when no entry needs them ({@link
 * SegmentRetirement}).
 */
public final class IndexWriter implements JournalSink {
  private final SpoolQueue<IndexRequest> queue = new SpoolQueue<>();
  private final IndexBackpressure backpressure = new IndexBackpressure();
  private final AtomicLong commits = new AtomicLong();
  private final long nextSequence;
  private final WriterConnection writer;
  private final Thread thread;
  private boolean started;

  private IndexWriter(
      SpoolSettings settings,
      BatchWriter opened,
      Quota quota,
      Duration linger,
      IndexRecovery.Result recovered,
      LongSupplier openSegmentFirstSequence) {
    this.nextSequence = recovered.nextSequence();
    this.writer = new WriterConnection(settings.dataDir(), opened);
    SegmentRetirement retirement =
        new SegmentRetirement(
            JournalSegments.directory(settings.dataDir()),
            openSegmentFirstSequence,
            recovered.indexedThrough());
    IndexBatches batches = new IndexBatches(writer, quota, backpressure, retirement, commits);
    IndexLoop loop =
        new IndexLoop(
            queue,
            settings.maxBatchSize(),
            linger.toNanos(),
            writer,
            batches,
            retirement,
            quota,
            commits);
    this.thread = SpoolThreads.newThread(loop, "spool-index");
  }

  /**
   * Opens the index in {@code settings.dataDir()} (creating it if needed), indexes what the journal
   * holds beyond it and sets {@code quota}'s tally. Not started.
   */
  public static IndexWriter open(
      SpoolSettings settings, Quota quota, Duration linger, LongSupplier openSegmentFirstSequence)
      throws IOException, SQLException {
    Path journalDir = JournalSegments.directory(settings.dataDir());
    BatchWriter writer = BatchWriter.open(settings.dataDir());
    try {
      IndexRecovery.Result recovered =
          IndexRecovery.run(writer, journalDir, settings.maxBatchSize());
      BatchWriter.Tally tally = writer.unshipped();
      quota.tally(tally.messages(), tally.bytes());
      return new IndexWriter(settings, writer, quota, linger, recovered, openSegmentFirstSequence);
    } catch (IOException | SQLException | RuntimeException e) {
      try {
        writer.close();
      } catch (SQLException closeFailure) {
        e.addSuppressed(closeFailure);
      }
      throw e;
    }
  }

  /** The first sequence the journal may hand out (past everything the journal and index held). */
  public long nextSequence() {
    return nextSequence;
  }

  public synchronized void start() {
    started = true;
    thread.start();
  }

  /** Queues journal records for indexing, in sequence order; waits while the index is behind. */
  @Override
  public void index(List<JournaledMessage> records) {
    long bytes = IndexBackpressure.payloadBytes(records);
    backpressure.admit(bytes);
    List<IndexRequest> requests = new ArrayList<>(records.size());
    for (JournaledMessage record : records) {
      requests.add(new IndexRequest.Record(record));
    }
    if (queue.addAll(requests)) {
      return;
    }
    backpressure.taken(bytes);
    // Only after close: they stay in the journal and are indexed when the spool opens again.
    SpoolRejectedException refused =
        new SpoolRejectedException(SpoolRejectedException.Reason.CLOSED, "spool is closed", null);
    records.forEach(record -> record.fail(refused));
  }

  @Override
  public void refusedForQuota(StoreRequest store, SpoolRejectedException refusal) {
    IndexRequest.Probe probe = new IndexRequest.Probe(store, refusal);
    if (!queue.add(probe)) {
      probe.fail(null);
    }
  }

  /** Runs {@code work} in its own transaction on the writer thread and waits for it. */
  public int update(IndexWork work) {
    CompletableFuture<Integer> result = new CompletableFuture<>();
    return await(new IndexRequest.Update(work, result), result);
  }

  /** Queues a pass over the journal's segments (after a prune freed some). */
  public void retireUnused() {
    queue.add(new IndexRequest.Retire());
  }

  /** Waits until everything queued so far is indexed (without a transaction of its own). */
  public void awaitIndexed() {
    CompletableFuture<Void> reached = new CompletableFuture<>();
    await(new IndexRequest.Barrier(reached), reached);
  }

  private <T> T await(IndexRequest request, CompletableFuture<T> result) {
    if (SpoolThreads.isSpoolThread()) {
      // A store callback waiting here would block the threads that must answer it.
      throw new IllegalStateException("spool read or update called on a spool thread");
    }
    if (!queue.add(request)) {
      throw new SpoolAccessException("spool is closed", null);
    }
    try {
      return result.join();
    } catch (CompletionException e) {
      throw new SpoolAccessException("spool update failed", e.getCause());
    }
  }

  /** Transactions committed so far (index batches and updates). */
  public long commits() {
    return commits.get();
  }

  /**
   * The spool is closing: from now on a failing index batch gives up instead of retrying (its
   * records stay in the journal for the next start), and the journal no longer waits for room.
   */
  public void beginClose() {
    backpressure.close();
  }

  /** Indexes what is queued, then closes the connection (at once when never started). */
  public void close() {
    beginClose();
    if (queue.close(new IndexRequest.Stop())) {
      synchronized (this) {
        if (!started) {
          writer.drop();
          return;
        }
      }
      SpoolThreads.awaitEnd(thread);
    }
  }
}
