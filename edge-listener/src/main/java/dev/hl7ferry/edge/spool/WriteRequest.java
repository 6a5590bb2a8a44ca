package dev.hl7ferry.edge.spool;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** Work for the spool's threads: stores for the journal, index and update work for the writer. */
sealed interface WriteRequest {

  /** Fails the request without running it. */
  void fail(Throwable cause);

  /**
   * A message to store, with its entry id and its journal frame's head (both made by the caller,
   * off the journal thread); {@code callbacks} is where its future completes (null: on the spool's
   * own thread).
   */
  record Store(
      IncomingMessage message,
      String id,
      byte[] frame,
      CompletableFuture<StoreResult> result,
      Executor callbacks) {

    /** Queued by close(): the journal stops after the stores queued before it. */
    static final Store END = new Store(null, null, null, null, null);

    /** Fails the store's future on its caller's executor. */
    public void fail(Throwable cause) {
      Completions.deliver(callbacks, () -> result.completeExceptionally(cause));
    }
  }

  /**
   * A journal record for the index: the message, its id, the sequence the journal gave it and where
   * its frame is (the segment's first sequence and the frame's offset in it). {@code waiting} is
   * the store whose future still waits for the index (answers after index), null when the journal
   * answered it already. It does not hold the journal frame, so a backlog waiting for the index
   * costs the message once, not twice.
   */
  record Index(
      IncomingMessage message, String id, long sequence, long segment, long offset, Store waiting)
      implements WriteRequest {
    @Override
    public void fail(Throwable cause) {
      if (waiting != null) {
        waiting.fail(cause);
      }
    }
  }

  /**
   * A store the journal refused for the quota: the index answers it as a duplicate when it holds
   * the identical message (a resend after a lost ACK deserves its ACK even on a full spool), else
   * fails it with {@code refusal}.
   */
  record Probe(Store store, SpoolRejectedException refusal) implements WriteRequest {
    @Override
    public void fail(Throwable cause) {
      store.fail(refusal);
    }
  }

  /** Completes once every request queued before it has run: how readers see what was answered. */
  record Barrier(CompletableFuture<Void> reached) implements WriteRequest {
    @Override
    public void fail(Throwable cause) {
      reached.completeExceptionally(cause);
    }
  }

  /** Deletes the journal segments no entry needs any more (see {@link SegmentRetirement}). */
  record Retire() implements WriteRequest {
    @Override
    public void fail(Throwable cause) {}
  }

  /** A read-side update (mark shipped, attempts, replay, prune) run in its own transaction. */
  record Update(Work work, CompletableFuture<Integer> result) implements WriteRequest {
    @Override
    public void fail(Throwable cause) {
      result.completeExceptionally(cause);
    }
  }

  /** Marks the end of the queue: the writer stops after the requests queued before it. */
  record Stop() implements WriteRequest {
    @Override
    public void fail(Throwable cause) {}
  }

  /** The body of an {@link Update}; returns the number of rows it changed. */
  @FunctionalInterface
  interface Work {
    int run(Connection connection) throws SQLException;
  }
}
