package dev.hl7ferry.converter.dispatch;

import dev.hl7ferry.converter.result.ResultSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Hands each record to the processor of its queue (a vendor's results queue, named by {@link
 * ResultSource}, or the inbound queue) and applies the partial-batch rules: on a standard queue
 * every failed record is reported; on a FIFO queue a failed record and every record after it in the
 * same message group (unprocessed, to keep that group's order). Records of other groups are
 * processed: failing them too would count a receive against messages that never ran, and after
 * {@code maxReceiveCount} such batches SQS moves good messages to the dead-letter queue. A record
 * whose group is unknown is held behind any failure.
 */
public final class BatchProcessor {
  private final RecordProcessor records;
  private final ResultProcessor results;
  private final ResultSource resultQueues;

  /** Inbound records only: a result record fails. */
  public BatchProcessor(RecordProcessor records) {
    this(records, null);
  }

  /** Results queues named {@code hl7-ferry-results-{vendor}}. */
  public BatchProcessor(RecordProcessor records, ResultProcessor results) {
    this(records, results, ResultSource.DEFAULT);
  }

  public BatchProcessor(
      RecordProcessor records, ResultProcessor results, ResultSource resultQueues) {
    this.records = records;
    this.results = results;
    this.resultQueues = resultQueues;
  }

  /**
   * The message ids to report as batch item failures. Records are converted in order, their edge
   * outputs held in one {@link Outbox} and sent together after the last record; a record whose
   * output was not sent fails like one that failed to convert.
   */
  public List<String> process(List<BatchItem> items, boolean fifo) {
    Outbox outbox = records.outbox();
    Set<Integer> failed = new HashSet<>();
    Holds holds = new Holds(fifo);
    for (int i = 0; i < items.size(); i++) {
      BatchItem item = items.get(i);
      if (holds.held(item)) {
        failed.add(i);
        continue;
      }
      try {
        String vendor = resultQueues.vendor(item.queue());
        if (vendor == null) {
          records.process(item.body(), outbox.slot(i));
        } else if (results == null) {
          throw new RecordFailure("results are not wired in this process", null, null);
        } else {
          results.process(vendor, item.body(), outbox.slot(i));
        }
      } catch (RecordFailure e) {
        failed.add(i);
        holds.hold(item);
      }
    }
    failed.addAll(outbox.flush().keySet());
    // Again over the whole batch: a record after one whose output was not sent, in its group, fails
    // too (its own outputs were held back by the outbox, or are deduplicated when it is
    // redelivered).
    Holds after = new Holds(fifo);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      BatchItem item = items.get(i);
      if (failed.contains(i) || after.held(item)) {
        ids.add(item.messageId());
        after.hold(item);
      }
    }
    return ids;
  }

  /** On a FIFO queue: the groups (or, for a record without a group, all) behind a failure. */
  private static final class Holds {
    private final boolean fifo;
    private final Set<String> groups = new HashSet<>();
    private boolean all;
    private boolean any;

    Holds(boolean fifo) {
      this.fifo = fifo;
    }

    boolean held(BatchItem item) {
      return fifo && (all || groups.contains(item.groupId()) || (item.groupId().isEmpty() && any));
    }

    void hold(BatchItem item) {
      any = true;
      if (item.groupId().isEmpty()) {
        all = true;
      } else {
        groups.add(item.groupId());
      }
    }
  }
}
