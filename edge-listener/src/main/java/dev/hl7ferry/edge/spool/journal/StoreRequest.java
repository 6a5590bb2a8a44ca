package dev.hl7ferry.edge.spool.journal;

import dev.hl7ferry.edge.spool.IncomingMessage;
import dev.hl7ferry.edge.spool.StoreResult;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * A message to store, with its entry id and its journal frame's head (both made by the caller, off
 * the journal thread); {@code callbacks} is where its future completes (null: on the spool's own
 * thread).
 */
public record StoreRequest(
    IncomingMessage message,
    String id,
    byte[] frame,
    CompletableFuture<StoreResult> result,
    Executor callbacks) {

  /** Queued by close(): the journal stops after the stores queued before it. */
  static final StoreRequest END = new StoreRequest(null, null, null, null, null);

  /** Fails the store's future on its caller's executor. */
  public void fail(Throwable cause) {
    Completions.deliver(callbacks, () -> result.completeExceptionally(cause));
  }
}
