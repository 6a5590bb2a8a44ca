package dev.hl7ferry.edge.receive;

import dev.hl7ferry.edge.spool.IncomingMessage;
import dev.hl7ferry.edge.spool.Spool;
import dev.hl7ferry.edge.spool.StoreResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A spool whose stores complete only when the test says so, in any order. */
final class FakeSpool implements Spool {
  final List<IncomingMessage> messages = new ArrayList<>();
  final List<CompletableFuture<StoreResult>> futures = new ArrayList<>();

  @Override
  public CompletableFuture<StoreResult> store(IncomingMessage message) {
    messages.add(message);
    CompletableFuture<StoreResult> future = new CompletableFuture<>();
    futures.add(future);
    return future;
  }

  @Override
  public void close() {}
}
