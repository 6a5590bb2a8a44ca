package dev.hl7ferry.edge.outbound;

import dev.hl7ferry.contract.receipt.DeliveryReceipt;
import dev.hl7ferry.contract.receipt.ReceiptJson;
import dev.hl7ferry.edge.spool.IncomingMessage;
import dev.hl7ferry.edge.spool.SpoolEntry;
import dev.hl7ferry.edge.spool.SqliteSpool;
import dev.hl7ferry.edge.spool.StoreResult;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The receipts waiting to reach the cloud, in a small spool of their own ({@code
 * {dataDir}/receipts}). A receipt is written here, durably, before its output is marked ended, so
 * every ending reaches the cloud at least once. The entry id (a digest of the receipt JSON, which
 * includes the time it ended) is the receipt id and the FIFO deduplication id: a resend of the same
 * receipt is dropped by SQS, a second ending of the same output (retried after a dead letter, or
 * delivered again after a crash) is a receipt of its own.
 */
public final class ReceiptBook implements AutoCloseable {
  private final SqliteSpool spool;

  public ReceiptBook(SqliteSpool spool) {
    this.spool = spool;
  }

  /**
   * Stores {@code receipt} and returns once it is durable; the output id goes in control_id. {@code
   * endedAt} is the receipt's {@code endedAt} as an instant.
   */
  public void record(DeliveryReceipt receipt, String outputId, Instant endedAt) {
    await(spool.store(message(receipt, outputId, endedAt)), outputId);
  }

  /**
   * Stores the endings' receipts and returns once all are durable: queued together, they share the
   * journal's writes. A receipt stored before (a retried group) is kept once.
   */
  void recordAll(List<Ending> endings) {
    List<CompletableFuture<StoreResult>> stored = new ArrayList<>(endings.size());
    for (Ending ending : endings) {
      stored.add(spool.store(message(ending.receipt(), ending.outputId(), ending.endedAt())));
    }
    for (int i = 0; i < stored.size(); i++) {
      await(stored.get(i), endings.get(i).outputId());
    }
  }

  private static IncomingMessage message(
      DeliveryReceipt receipt, String outputId, Instant endedAt) {
    byte[] json = ReceiptJson.writeBytes(receipt);
    return new IncomingMessage(
        json,
        StandardCharsets.UTF_8.name(),
        receipt.site(),
        receipt.destination(),
        "receipts",
        "",
        receipt.outcome().name(),
        outputId,
        "",
        Integer.toString(receipt.version()),
        "edge",
        endedAt);
  }

  private static void await(CompletableFuture<StoreResult> store, String outputId) {
    try {
      StoreResult stored = store.get();
      if (stored == null) {
        throw new IllegalStateException("receipt of " + outputId + " not stored");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted storing the receipt of " + outputId, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "storing the receipt of " + outputId + " failed", e.getCause());
    }
  }

  /** Up to {@code limit} receipts not yet sent, oldest first. */
  public List<SpoolEntry> unsent(int limit) {
    return spool.unshipped(0, limit);
  }

  /** The receipts with these sequences reached the cloud. */
  public void markSent(Collection<Long> sequences, Instant when) {
    spool.markShipped(sequences, when);
  }

  /** Sets a receipt the queue refused for good aside, with the reason. */
  public void setAside(long sequence, String reason) {
    spool.quarantine(sequence, reason);
  }

  /** Deletes sent receipts older than {@code before}. */
  public int pruneSent(Instant before) {
    return spool.pruneShipped(before);
  }

  @Override
  public void close() {
    spool.close();
  }
}
