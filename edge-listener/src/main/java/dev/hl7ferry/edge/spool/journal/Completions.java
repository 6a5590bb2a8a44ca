package dev.hl7ferry.edge.spool.journal;

import dev.hl7ferry.edge.spool.StoreResult;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Hands store results to the threads that wait for them. The answers of one fsync go to each
 * caller's executor (a Netty event loop) in one task, so an fsync covering 50 messages over 8
 * connections costs at most as many wake-ups as there are event loops, not 50.
 */
public final class Completions {

  /** A store and its result. */
  public record Answer(StoreRequest store, StoreResult result) {
    void complete() {
      store.result().complete(result);
    }
  }

  private Completions() {}

  /** Completes every answer, grouped by the executor its caller asked for. */
  public static void deliver(List<Answer> answers) {
    Map<Executor, List<Answer>> byExecutor = new IdentityHashMap<>();
    List<Answer> here = new ArrayList<>();
    for (Answer answer : answers) {
      Executor executor = answer.store().callbacks();
      if (executor == null) {
        here.add(answer);
      } else {
        byExecutor.computeIfAbsent(executor, e -> new ArrayList<>()).add(answer);
      }
    }
    byExecutor.forEach((executor, list) -> deliver(executor, () -> list.forEach(Answer::complete)));
    here.forEach(Answer::complete);
  }

  /** Runs {@code completion} on {@code executor}, or here when there is none or it shut down. */
  public static void deliver(Executor executor, Runnable completion) {
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
