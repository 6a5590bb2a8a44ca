package dev.hl7ferry.edge.server;

import dev.hl7ferry.edge.spool.IncomingMessage;
import dev.hl7ferry.edge.spool.Spool;
import dev.hl7ferry.edge.spool.StoreOutcome;
import dev.hl7ferry.edge.spool.StoreResult;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** An in-memory spool that completes stores a little later on another thread, like a real one. */
final class RecordingSpool implements Spool {
  final List<IncomingMessage> stored = new CopyOnWriteArrayList<>();
  final CountDownLatch gate = new CountDownLatch(1);
  final AtomicInteger received = new AtomicInteger();
  volatile boolean gated;
  volatile boolean closed;
  private final Executor later = CompletableFuture.delayedExecutor(2, TimeUnit.MILLISECONDS);

  @Override
  public CompletableFuture<StoreResult> store(IncomingMessage message) {
    received.incrementAndGet();
    return CompletableFuture.supplyAsync(
        () -> {
          if (gated) {
            awaitGate();
          }
          stored.add(message);
          return new StoreResult(message.controlId(), 1, StoreOutcome.STORED);
        },
        later);
  }

  private void awaitGate() {
    try {
      gate.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  List<String> controlIds() {
    return stored.stream().map(IncomingMessage::controlId).toList();
  }

  @Override
  public void close() {
    closed = true;
  }
}
