package dev.hl7ferry.edge.spool;

import java.util.concurrent.CompletableFuture;

/**
 * Durable local storage for received messages.
 *
 * <p>{@link #store} never blocks the caller (it is called on Netty event loops): the write and the
 * fsync run on the spool's own thread, and messages arriving together over all connections share
 * one transaction (group commit). The future completes only once the entry is durable; it fails
 * with {@link SpoolRejectedException} when the spool cannot take the message.
 */
public interface Spool extends AutoCloseable {

  /** Stores {@code message} durably; completes after the commit, off the caller's thread. */
  CompletableFuture<StoreResult> store(IncomingMessage message);

  /** Finishes in-flight commits, then closes the store. */
  @Override
  void close();
}
