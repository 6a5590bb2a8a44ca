package dev.hl7ferry.edge.spool.index;

import dev.hl7ferry.edge.spool.SpoolRejectedException;
import dev.hl7ferry.edge.spool.journal.JournaledMessage;
import dev.hl7ferry.edge.spool.journal.StoreRequest;
import java.util.concurrent.CompletableFuture;

/** Work for the index thread, run in queue order: journal records, probes and read-side updates. */
sealed interface IndexRequest {

  /** Fails the request without running it. */
  void fail(Throwable cause);

  /** A journal record to index. */
  record Record(JournaledMessage message) implements IndexRequest {
    @Override
    public void fail(Throwable cause) {
      message.fail(cause);
    }
  }

  /**
   * A store the journal refused for the quota: the index answers it as a duplicate when it holds
   * the identical message (a resend after a lost ACK deserves its ACK even on a full spool), else
   * fails it with {@code refusal}.
   */
  record Probe(StoreRequest store, SpoolRejectedException refusal) implements IndexRequest {
    @Override
    public void fail(Throwable cause) {
      store.fail(refusal);
    }
  }

  /** Completes once every request queued before it has run: how readers see what was answered. */
  record Barrier(CompletableFuture<Void> reached) implements IndexRequest {
    @Override
    public void fail(Throwable cause) {
      reached.completeExceptionally(cause);
    }
  }

  /** Deletes the journal segments no entry needs any more (see {@link SegmentRetirement}). */
  record Retire() implements IndexRequest {
    @Override
    public void fail(Throwable cause) {}
  }

  /** A read-side update (mark shipped, attempts, replay, prune) run in its own transaction. */
  record Update(IndexWork work, CompletableFuture<Integer> result) implements IndexRequest {
    @Override
    public void fail(Throwable cause) {
      result.completeExceptionally(cause);
    }
  }

  /** Marks the end of the queue: the writer stops after the requests queued before it. */
  record Stop() implements IndexRequest {
    @Override
    public void fail(Throwable cause) {}
  }
}
