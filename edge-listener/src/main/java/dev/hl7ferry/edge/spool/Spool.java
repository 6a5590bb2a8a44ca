package dev.hl7ferry.edge.spool;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Durable local storage for received messages.
 *
 * <p>{@link #store} never blocks the caller (it is called on Netty event loops): the write runs on
 * the spool's own thread, and messages arriving together over all connections share one synchronous
 * write (group commit). The future completes only once the entry is durable; it fails with {@link
 * SpoolRejectedException} when the spool cannot take the message.
 */
public interface Spool extends AutoCloseable {

  /** Stores {@code message} durably; completes after the commit, off the caller's thread. */
  CompletableFuture<StoreResult> store(IncomingMessage message);

  /**
   * Like {@link #store(IncomingMessage)}, but the future completes on {@code callbacks} (the
   * caller's event loop), so dependent actions run there. The durable spool hands all completions
   * of one write for the same executor over in one task instead of one per message.
   */
  default CompletableFuture<StoreResult> store(IncomingMessage message, Executor callbacks) {
    CompletableFuture<StoreResult> stored = store(message);
    return stored.isDone() ? stored : stored.thenApplyAsync(result -> result, callbacks);
  }

  /** Finishes in-flight commits, then closes the store. */
  @Override
  void close();
}
