package dev.hl7ferry.edge.spool;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Hands store results to the threads that wait for them. The outcomes of one sync go to each
 * caller's executor (a Netty event loop) in one task, so a commit of 50 messages over 8 connections
 * costs at most as many wake-ups as there are event loops, not 50.
 */
final class Completions {
  private Completions() {}

  /** Completes every outcome, grouped by the executor its caller asked for. */
  static void deliver(List<BatchWriter.Outcome> outcomes) {
    Map<Executor, List<BatchWriter.Outcome>> byExecutor = new IdentityHashMap<>();
    List<BatchWriter.Outcome> here = new ArrayList<>();
    for (BatchWriter.Outcome outcome : outcomes) {
      Executor executor = outcome.request().callbacks();
      if (executor == null) {
        here.add(outcome);
      } else {
        byExecutor.computeIfAbsent(executor, e -> new ArrayList<>()).add(outcome);
      }
    }
    byExecutor.forEach(
        (executor, list) -> deliver(executor, () -> list.forEach(BatchWriter.Outcome::complete)));
    here.forEach(BatchWriter.Outcome::complete);
  }

  /** Fails every outcome's future with {@code cause}, on the callers' executors. */
  static void fail(List<BatchWriter.Outcome> outcomes, Throwable cause) {
    for (BatchWriter.Outcome outcome : outcomes) {
      outcome.request().fail(cause);
    }
  }

  /** Runs {@code completion} on {@code executor}, or here when there is none or it shut down. */
  static void deliver(Executor executor, Runnable completion) {
    if (executor == null) {
      completion.run();
      return;
    }
    try {
      executor.execute(completion);
    } catch (RejectedExecutionException shutDown) {
      // The event loop is gone (server stopping): nobody will read the result there.
      completion.run();
    }
  }
}
