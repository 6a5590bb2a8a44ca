package dev.hl7ferry.converter.dispatch;

import java.util.ArrayList;
import java.util.List;

/**
 * Applies the partial-batch rules: on a standard queue every failed record is reported; on a FIFO
 * queue the first failure and every record after it (unprocessed, to keep group order).
 */
public final class BatchProcessor {
  private final RecordProcessor records;

  public BatchProcessor(RecordProcessor records) {
    this.records = records;
  }

  /** The message ids to report as batch item failures. */
  public List<String> process(List<BatchItem> items, boolean fifo) {
    List<String> failed = new ArrayList<>();
    for (BatchItem item : items) {
      if (fifo && !failed.isEmpty()) {
        failed.add(item.messageId());
        continue;
      }
      try {
        records.process(item.body());
      } catch (RecordFailure e) {
        failed.add(item.messageId());
      }
    }
    return failed;
  }
}
