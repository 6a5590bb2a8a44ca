package dev.hl7ferry.edge.outbound;

import dev.hl7ferry.edge.retry.Backoff;
import dev.hl7ferry.edge.retry.RetryingLoop;
import dev.hl7ferry.edge.spool.SpoolEntry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends stored receipts to the receipts queue in batches of ten, on a thread of its own, and marks
 * them sent once the queue took them; after a batch of fewer than ten it waits the idle poll time
 * (200 ms) for more. A receipt sent but not marked (a crash in between) is sent again with the same
 * deduplication id: at least once. While the cloud is unreachable it backs off; receipts wait on
 * disk.
 */
public final class ReceiptShipper implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ReceiptShipper.class);
  private static final int BATCH = 10;

  private final ReceiptBook book;
  private final ReceiptQueue queue;
  private final Clock clock;
  private final RetryingLoop loop;

  public ReceiptShipper(
      ReceiptBook book, ReceiptQueue queue, Backoff backoff, Duration idlePoll, Clock clock) {
    this.book = book;
    this.queue = queue;
    this.clock = clock;
    this.loop =
        new RetryingLoop(
            "outbound-receipts",
            "sending receipts",
            // Full batches back to back; after a partial one, wait for more: at a steady rate the
            // receipts go ten to a call rather than one each (every call costs both ends CPU).
            () -> sendBatch() == BATCH ? Duration.ZERO : idlePoll,
            backoff,
            LOG);
  }

  public void start() {
    loop.start();
  }

  /** Sends one batch of up to ten; returns its size (0: nothing to send). */
  int sendBatch() throws CloudUnavailableException {
    List<SpoolEntry> batch = book.unsent(BATCH);
    if (batch.isEmpty()) {
      return 0;
    }
    Map<Long, String> refused = queue.send(batch);
    List<Long> sent = new ArrayList<>(batch.size());
    for (SpoolEntry entry : batch) {
      String reason = refused.get(entry.sequence());
      if (reason == null) {
        sent.add(entry.sequence());
      } else {
        // Refused for good (SQS checks the body and ids): set aside so the rest still go.
        LOG.error("receipt {} refused by the receipts queue: {}", entry.id(), reason);
        book.setAside(entry.sequence(), "refused by the receipts queue: " + reason);
      }
    }
    if (!sent.isEmpty()) {
      book.markSent(sent, clock.instant());
    }
    return batch.size();
  }

  @Override
  public void close() {
    loop.close();
  }
}
