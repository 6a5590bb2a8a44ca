package dev.hl7ferry.edge.deliver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** A test fake of {@link OutboundQueue}: lists per destination, with a log of every call. */
final class InMemoryOutboundQueue implements OutboundQueue {
  private final Map<String, List<PendingOutput>> pending = new LinkedHashMap<>();
  private final List<String> events = new ArrayList<>();
  private final List<Output> delivered = new ArrayList<>();
  private final List<Output> deadLettered = new ArrayList<>();
  private int marksToFail;

  synchronized void add(Output output) {
    pending
        .computeIfAbsent(output.destination(), d -> new ArrayList<>())
        .add(PendingOutput.fresh(output));
    notifyAll();
  }

  @Override
  public synchronized Optional<PendingOutput> next(String destination, Duration wait)
      throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    while (pending.getOrDefault(destination, List.of()).isEmpty()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return Optional.empty();
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return Optional.of(pending.get(destination).get(0));
  }

  /**
   * The next {@code count} calls of {@link #markDelivered} fail, as a store on a full disk does.
   */
  synchronized void failMarks(int count) {
    marksToFail = count;
  }

  @Override
  public synchronized void markDelivered(Output output, DeliveryResult result) {
    if (marksToFail > 0) {
      marksToFail--;
      events.add("mark failed " + output.id());
      throw new IllegalStateException("spool update failed (test)");
    }
    remove(output);
    delivered.add(output);
    events.add("delivered " + output.id() + " " + result.msa1());
    notifyAll();
  }

  @Override
  public synchronized void recordAttempt(Output output, DeliveryResult result) {
    List<PendingOutput> line = pending.get(output.destination());
    PendingOutput head = line.get(0);
    if (head.output() != output) {
      throw new AssertionError("attempt recorded for " + output.id() + " which is not the head");
    }
    boolean appError = result.outcome() == DeliveryOutcome.APPLICATION_ERROR;
    line.set(
        0,
        new PendingOutput(
            output, head.attempts() + 1, head.applicationErrors() + (appError ? 1 : 0)));
    events.add("attempt " + output.id() + " " + result.outcome());
    notifyAll();
  }

  @Override
  public synchronized void deadLetter(Output output, String reason, DeliveryResult lastResult) {
    remove(output);
    deadLettered.add(output);
    events.add("dead " + output.id() + " " + lastResult.msa1());
    notifyAll();
  }

  private void remove(Output output) {
    List<PendingOutput> line = pending.get(output.destination());
    if (line.isEmpty() || line.get(0).output() != output) {
      throw new AssertionError(output.id() + " ended out of order");
    }
    line.remove(0);
  }

  synchronized List<String> events() {
    return List.copyOf(events);
  }

  synchronized List<Output> delivered() {
    return List.copyOf(delivered);
  }

  synchronized List<Output> deadLettered() {
    return List.copyOf(deadLettered);
  }

  /** Waits up to 10 s until {@code done + dead} outputs have ended. */
  synchronized void awaitEnded(int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (delivered.size() + deadLettered.size() < count) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("only " + events + " after 10 s");
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
  }

  /** Waits up to 10 s until at least {@code count} events happened. */
  synchronized void awaitEvents(int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (events.size() < count) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("only " + events + " after 10 s");
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
  }
}
