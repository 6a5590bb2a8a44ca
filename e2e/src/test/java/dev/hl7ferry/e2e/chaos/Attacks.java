package dev.hl7ferry.e2e.chaos;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * The scenarios where senders misbehave: a flood of connections with slow senders while 8 good
 * senders send as fast as their ACKs come (their rate against the quiet phases before and after, in
 * the same run), and garbage streams with oversized frames beside paced good senders.
 */
final class Attacks {
  private static final int SIZE = 600;

  private final Stack stack;
  private final Sizes sizes;

  Attacks(Stack stack, Sizes sizes) {
    this.stack = stack;
    this.sizes = sizes;
  }

  /**
   * Quiet, then 1,000 idle connections opened at once plus slow senders, then quiet again: in each
   * phase the good senders send a fixed number of messages each, as fast as their ACKs come.
   */
  Row flood() throws Exception {
    String name =
        String.format(
            "%,d connections + %d slow senders", sizes.floodConnections(), sizes.slowSenders());
    try (Trial t = new Trial(name, "FLOOD", stack)) {
      // Quiet and flooded phases alternate, so a machine that gets busier or calmer meanwhile
      // weighs on both sides alike.
      double quiet = 0;
      double flooded = 0;
      long held = sizes.floodConnections();
      long refused = 0;
      for (int round = 0; round < 2; round++) {
        quiet += phase(t, () -> {});
        try (Hostiles hostiles = new Hostiles(stack.edgePort())) {
          flooded +=
              phase(
                  t,
                  () -> {
                    hostiles.openIdle(sizes.floodConnections());
                    hostiles.slow(sizes.slowSenders());
                  });
          held = Math.min(held, hostiles.idleStillOpen());
          refused += hostiles.refused();
        }
      }
      quiet = (quiet + phase(t, () -> {})) / 3;
      flooded = flooded / 2;
      double ratio = flooded / quiet;
      String notes =
          String.format(
              "%d good senders × %,d messages a phase, unpaced, phases quiet/flood/quiet/flood/quiet:"
                  + " %,.0f msgs/s flooded vs %,.0f quiet = %.0f%% (target ≥ %.0f%%);"
                  + " %,d of %,d idle connections held, %d refused",
              sizes.senders(),
              sizes.floodPerPhase(),
              flooded,
              quiet,
              ratio * 100,
              sizes.floodTarget() * 100,
              held,
              sizes.floodConnections(),
              refused);
      Row row = t.finish(sizes, notes, 0);
      if (ratio < sizes.floodTarget()) {
        row = row.withProblem(String.format("good senders at %.0f%% of quiet", ratio * 100));
      }
      if (held < sizes.floodConnections()) {
        row = row.withProblem((sizes.floodConnections() - held) + " idle connections not held");
      }
      return row;
    }
  }

  /**
   * AA/CA answers per second of fresh good senders over the time they took; {@code meanwhile} opens
   * on a thread of its own as soon as they started (the flood opens while they send). The phase's
   * time is the senders' own: a phase that also counted the wait for the last of the 1,000
   * connections after the senders were done measured the opening, not them.
   */
  private double phase(Trial t, Flood meanwhile) throws Exception {
    long start = System.nanoTime();
    List<Sender> senders = t.startSenders(sizes.senders(), sizes.floodPerPhase(), 0, SIZE, 0);
    CompletableFuture<Void> flood =
        CompletableFuture.runAsync(
            () -> {
              try {
                meanwhile.open();
              } catch (Exception e) {
                throw new CompletionException(e);
              }
            });
    t.awaitSenders();
    long acks = senders.stream().mapToLong(Sender::acks).sum();
    double rate = acks / ((System.nanoTime() - start) / 1e9);
    flood.get(120, TimeUnit.SECONDS);
    return rate;
  }

  /** What a flooded phase opens while the good senders send. */
  @FunctionalInterface
  private interface Flood {
    void open() throws Exception;
  }

  /** Random byte streams and 2 MiB frames on other connections while paced senders send. */
  Row garbage() throws Exception {
    try (Trial t = new Trial("garbage streams + oversized frames", "GARB", stack);
        Hostiles hostiles = new Hostiles(stack.edgePort())) {
      t.startSenders(sizes.senders(), Long.MAX_VALUE, 0, SIZE, sizes.perSecond());
      hostiles.garbage(4, 20261130L);
      hostiles.oversized(2);
      // The steady time, and then until an oversized frame was answered (a 2 MiB frame takes a
      // while on a busy machine), at most a minute more.
      Thread.sleep(sizes.steady().toMillis());
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (hostiles.oversizedNaks() == 0 && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      hostiles.close();
      String notes =
          sizes.senders() + " senders × " + sizes.perSecond() + " msgs/s; " + hostiles.summary();
      Row row = t.finish(sizes, notes, 0);
      return hostiles.oversizedNaks() == 0
          ? row.withProblem("no oversized frame was answered AR with ERR 104")
          : row;
    }
  }
}
