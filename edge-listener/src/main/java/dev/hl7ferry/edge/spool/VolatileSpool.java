package dev.hl7ferry.edge.spool;

import java.util.concurrent.CompletableFuture;

/**
 * A spool that keeps nothing and confirms at once: {@code --durability none}, for benchmarks that
 * measure the listener without storage. Never use it to receive real messages.
 */
public final class VolatileSpool implements Spool {
  private static final StoreResult DISCARDED = new StoreResult("none", 0, StoreOutcome.STORED);

  @Override
  public CompletableFuture<StoreResult> store(IncomingMessage message) {
    return CompletableFuture.completedFuture(DISCARDED);
  }

  @Override
  public void close() {}
}
