package dev.hl7ferry.e2e.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One scenario's run: its ledger, its senders (each on a thread), the edge's peak RSS while it
 * runs, and at the end the drain: waits until every acknowledged message reached the destination
 * (or, bad by design, the converter's error records), then counts.
 */
final class Trial implements AutoCloseable {
  private final String scenario;
  private final Stack stack;
  private final Ledger ledger;
  private final RssPeak rss;
  private final long started = System.nanoTime();
  private final List<Sender> senders = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();

  Trial(String scenario, String prefix, Stack stack) {
    this.scenario = scenario;
    this.stack = stack;
    this.ledger = new Ledger(prefix);
    this.rss = new RssPeak(stack);
  }

  Ledger ledger() {
    return ledger;
  }

  /** Starts {@code count} senders; see {@link Sender} for the parameters. */
  List<Sender> startSenders(int count, long maxEach, int badEvery, int size, int perSecond) {
    List<Sender> started = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Sender s =
          new Sender(ledger, senders.size(), stack.edgePort(), maxEach, badEvery, size, perSecond);
      Thread t = new Thread(s, scenario + "-sender-" + senders.size());
      senders.add(s);
      threads.add(t);
      started.add(s);
      t.start();
    }
    return started;
  }

  /** Stops every sender after its message in flight and waits for them. */
  void stopSenders() throws InterruptedException {
    senders.forEach(Sender::stop);
    for (Thread t : threads) {
      t.join();
    }
  }

  /** Waits for the senders to finish their messages (no stop). */
  void awaitSenders() throws InterruptedException {
    for (Thread t : threads) {
      t.join();
    }
  }

  /**
   * Stops the senders, drains for up to {@link Sizes#drain}, and counts; more than {@code
   * allowedDuplicates} duplicates (the documented at-least-once bound of the scenario) is a
   * problem.
   */
  Row finish(Sizes sizes, String notes, long allowedDuplicates) throws InterruptedException {
    stopSenders();
    Set<String> acked = ledger.acked();
    Set<String> ackedBad = ledger.ackedBad();
    long drainStart = System.nanoTime();
    // The drain ends as soon as nothing is missing, when nothing more arrived for the stall time
    // (stuck: what is missing then is lost), or at the cap (the row then says how long it waited).
    Duration stall = sizes.stall();
    long cap = System.nanoTime() + sizes.drain().toNanos();
    long stallEnd = System.nanoTime() + stall.toNanos();
    Map<String, Integer> delivered;
    Set<String> failed;
    long missing = Long.MAX_VALUE;
    while (true) {
      Thread.sleep(250);
      delivered = Deliveries.delivered(stack.sinkDirs(), ledger.prefix());
      failed =
          ackedBad.isEmpty() ? Set.of() : Deliveries.failed(stack.errorRecords(), ledger.prefix());
      long now = missing(acked, ackedBad, delivered, failed);
      if (now < missing) {
        stallEnd = System.nanoTime() + stall.toNanos();
      }
      missing = now;
      if (missing == 0 || System.nanoTime() > stallEnd || System.nanoTime() > cap) {
        break;
      }
    }
    long duplicated = delivered.values().stream().mapToLong(c -> c - 1).sum();
    long failedByDesign = ackedBad.stream().filter(failed::contains).count();
    StringBuilder all = new StringBuilder(notes);
    if (ledger.nakCount() > 0) {
      all.append(all.isEmpty() ? "" : "; ").append("NAKs ").append(ledger.naks());
    }
    if (ledger.unansweredCount() > 0) {
      all.append(all.isEmpty() ? "" : "; ")
          .append(ledger.unansweredCount())
          .append(" unanswered (connection broken)");
    }
    List<String> problems = new ArrayList<>();
    if (missing > 0) {
      problems.add(
          missing
              + " acknowledged messages did not arrive (drain ended after "
              + Duration.ofNanos(System.nanoTime() - drainStart).toSeconds()
              + " s)");
    }
    if (duplicated > allowedDuplicates) {
      problems.add(duplicated + " duplicates, more than the documented " + allowedDuplicates);
    }
    return new Row(
        scenario,
        ledger.sentCount(),
        acked.size() + ackedBad.size(),
        delivered.size(),
        failedByDesign,
        missing,
        duplicated,
        rss.peakMb(),
        Duration.ofNanos(System.nanoTime() - started).toSeconds(),
        all.toString(),
        problems,
        null);
  }

  private static long missing(
      Set<String> acked, Set<String> ackedBad, Map<String, Integer> delivered, Set<String> failed) {
    long missing = acked.stream().filter(id -> !delivered.containsKey(id)).count();
    return missing
        + ackedBad.stream()
            .filter(id -> !failed.contains(id) && !delivered.containsKey(id))
            .count();
  }

  @Override
  public void close() throws InterruptedException {
    senders.forEach(Sender::stop);
    rss.close();
  }
}
