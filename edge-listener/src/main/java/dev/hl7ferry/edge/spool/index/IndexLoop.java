package dev.hl7ferry.edge.spool.index;

import dev.hl7ferry.edge.spool.Quota;
import dev.hl7ferry.edge.spool.SpoolQueue;
import dev.hl7ferry.edge.spool.StoreOutcome;
import dev.hl7ferry.edge.spool.StoreResult;
import dev.hl7ferry.edge.spool.journal.Completions;
import dev.hl7ferry.edge.spool.journal.JournaledMessage;
import dev.hl7ferry.edge.spool.journal.StoreRequest;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The body of the {@code spool-index} thread: takes the queue in large batches (waiting up to the
 * linger time for a batch of journal records to fill, since nobody waits on it when the journal
 * answers) and runs each request in queue order, so an update queued after a record sees it
 * indexed. Journal records go to {@link IndexBatches}; updates and quota probes run here.
 */
final class IndexLoop implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(IndexLoop.class);

  private final SpoolQueue<IndexRequest> queue;
  private final int maxBatchSize;
  private final long lingerNanos;
  private final WriterConnection writer;
  private final IndexBatches batches;
  private final SegmentRetirement retirement;
  private final Quota quota;
  private final AtomicLong commits;

  IndexLoop(
      SpoolQueue<IndexRequest> queue,
      int maxBatchSize,
      long lingerNanos,
      WriterConnection writer,
      IndexBatches batches,
      SegmentRetirement retirement,
      Quota quota,
      AtomicLong commits) {
    this.queue = queue;
    this.maxBatchSize = maxBatchSize;
    this.lingerNanos = lingerNanos;
    this.writer = writer;
    this.batches = batches;
    this.retirement = retirement;
    this.quota = quota;
    this.commits = commits;
  }

  @Override
  public void run() {
    List<IndexRequest> batch = new ArrayList<>();
    List<JournaledMessage> records = new ArrayList<>();
    boolean stop = false;
    while (!stop) {
      batch.clear();
      // At least one request and what is queued; while only journal records came and fewer than a
      // full batch, up to the linger time for more.
      queue.gather(batch, maxBatchSize, lingerNanos, IndexLoop::onlyRecords);
      for (IndexRequest request : batch) {
        if (request instanceof IndexRequest.Record record) {
          records.add(record.message());
          continue;
        }
        batches.indexAll(records);
        if (request instanceof IndexRequest.Update update) {
          runUpdate(update);
        } else if (request instanceof IndexRequest.Probe probe) {
          runProbe(probe);
        } else if (request instanceof IndexRequest.Barrier barrier) {
          barrier.reached().complete(null);
        } else if (request instanceof IndexRequest.Retire) {
          retirement.retire(writer, false);
        } else if (request instanceof IndexRequest.Stop) {
          stop = true;
        }
      }
      batches.indexAll(records);
    }
    if (!batches.gaveUp()) {
      retirement.retire(writer, true); // a clean stop: the index holds every record
    }
    writer.drop();
  }

  private static boolean onlyRecords(List<IndexRequest> batch) {
    return batch.get(batch.size() - 1) instanceof IndexRequest.Record;
  }

  private void runUpdate(IndexRequest.Update update) {
    BatchWriter current;
    int changed;
    try {
      current = writer.get();
      changed = current.update(update.work());
    } catch (SQLException | RuntimeException e) {
      update.fail(e);
      writer.drop();
      return;
    }
    commits.incrementAndGet();
    try {
      BatchWriter.Tally tally = current.unshipped();
      quota.tally(tally.messages(), tally.bytes());
    } catch (SQLException | RuntimeException e) {
      log.warn("reading the spool tally failed; the quota catches up at the next transaction", e);
    }
    update.result().complete(changed);
  }

  private void runProbe(IndexRequest.Probe probe) {
    StoreRequest store = probe.store();
    long held;
    try {
      held = writer.get().heldSequence(store.message(), store.id());
    } catch (SQLException | RuntimeException e) {
      writer.drop();
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
}
