package dev.hl7ferry.edge.spool;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** Work queued for the spool's single writer thread. */
sealed interface WriteRequest {

  /** Fails the request without running it. */
  void fail(Throwable cause);

  /**
   * A message to store in the next group commit, with its entry id (computed by the caller, off the
   * writer thread); {@code callbacks} is where its future completes (null: on the spool's own
   * thread).
   */
  record Store(
      IncomingMessage message, String id, CompletableFuture<StoreResult> result, Executor callbacks)
      implements WriteRequest {
    @Override
    public void fail(Throwable cause) {
      Completions.deliver(callbacks, () -> result.completeExceptionally(cause));
    }
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
