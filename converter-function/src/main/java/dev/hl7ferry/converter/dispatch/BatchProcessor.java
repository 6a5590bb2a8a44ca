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

  /** The message ids to report as batch item failures. */
  public List<String> process(List<BatchItem> items, boolean fifo) {
    List<String> failed = new ArrayList<>();
    Set<String> heldGroups = new HashSet<>();
    boolean holdAll = false;
    for (BatchItem item : items) {
      if (fifo
          && (holdAll
              || heldGroups.contains(item.groupId())
              || (item.groupId().isEmpty() && !failed.isEmpty()))) {
        failed.add(item.messageId());
        continue;
      }
      try {
        String vendor = resultQueues.vendor(item.queue());
        if (vendor == null) {
          records.process(item.body());
        } else if (results == null) {
          throw new RecordFailure("results are not wired in this process", null, null);
        } else {
          results.process(vendor, item.body());
        }
      } catch (RecordFailure e) {
        failed.add(item.messageId());
        if (item.groupId().isEmpty()) {
          holdAll = true;
        } else {
          heldGroups.add(item.groupId());
        }
      }
    }
    return failed;
  }
}
