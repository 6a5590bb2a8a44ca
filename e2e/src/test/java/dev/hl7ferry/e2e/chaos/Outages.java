package dev.hl7ferry.e2e.chaos;

import java.time.Duration;

/**
 * The scenarios where a part of the product fails under a steady load of 8 paced senders: the
 * cloud, the converter (on purpose, for every 10th message), the destination, the edge itself.
 */
final class Outages {
  private static final int SIZE = 600;

  private final Stack stack;
  private final Sizes sizes;

  Outages(Stack stack, Sizes sizes) {
    this.stack = stack;
    this.sizes = sizes;
  }

  /** No fault: the baseline every other row is read against. */
  Row quiet() throws Exception {
    try (Trial t = new Trial("quiet", "QUIET", stack)) {
      t.startSenders(sizes.senders(), Long.MAX_VALUE, 0, SIZE, sizes.perSecond());
      Thread.sleep(sizes.steady().toMillis());
      return t.finish(sizes, pace(), 0);
    }
  }

  /** The local cloud frozen (SIGSTOP: every S3/SQS call hangs) mid-load, then resumed. */
  Row cloudDown() throws Exception {
    try (Trial t = new Trial("cloud down " + secs(sizes.cloudDown()), "CLOUD", stack)) {
      t.startSenders(sizes.senders(), Long.MAX_VALUE, 0, SIZE, sizes.perSecond());
      Thread.sleep(third());
      stack.freezeCloud();
      try {
        Thread.sleep(sizes.cloudDown().toMillis());
      } finally {
        stack.resumeCloud();
      }
      Thread.sleep(third());
      return t.finish(sizes, pace() + "; local cloud SIGSTOPped, then SIGCONT", 0);
    }
  }

  /** Every 10th message has a birth date the converter's template cannot read: its render fails. */
  Row converterFailing() throws Exception {
    try (Trial t = new Trial("converter fails every 10th", "CONV", stack)) {
      t.startSenders(sizes.senders(), Long.MAX_VALUE, 10, SIZE, sizes.perSecond());
      Thread.sleep(sizes.steady().toMillis());
      Row row = t.finish(sizes, pace() + "; failed by design = converter error records", 0);
      return row.failedByDesign() == 0 ? row.withProblem("no error record was written") : row;
    }
  }

  /** The destination (the MLLP sink) killed mid-load and started again later on the same port. */
  Row destinationDown() throws Exception {
    try (Trial t = new Trial("destination down " + secs(sizes.destinationDown()), "DEST", stack)) {
      t.startSenders(sizes.senders(), steadyCount(), 0, SIZE, sizes.perSecond());
      Thread.sleep(third());
      stack.killSink();
      Thread.sleep(sizes.destinationDown().toMillis());
      stack.startSink();
      Thread.sleep(third());
      // The output in flight when the sink died may have been written but not acknowledged.
      return t.finish(sizes, pace() + "; sink SIGKILLed, restarted", 1);
    }
  }

  /** The edge killed with SIGKILL three times while it receives, ships and delivers. */
  Row edgeKilled() throws Exception {
    try (Trial t = new Trial("edge SIGKILLed 3 times", "KILL", stack)) {
      // Unbounded: they send only while an edge listens, so the load lasts through every kill.
      t.startSenders(sizes.senders(), Long.MAX_VALUE, 0, SIZE, sizes.perSecond());
      long restartMillis = 0;
      for (int i = 0; i < 3; i++) {
        Thread.sleep(sizes.steady().toMillis() / 4);
        stack.killEdge();
        long start = System.nanoTime();
        stack.startEdge();
        restartMillis = Math.max(restartMillis, (System.nanoTime() - start) / 1_000_000);
      }
      Thread.sleep(sizes.steady().toMillis() / 4);
      return t.finish(
          sizes,
          pace() + "; longest restart to listening " + restartMillis + " ms",
          // OUTBOUND.md: at most the output in flight per destination twice after a crash.
          3);
    }
  }

  /**
   * Messages per sender in the steady time at the pace: the bound of the destination scenario,
   * whose length depends on the sink's restart (a JVM start takes tens of seconds on a busy
   * machine), so a slow restart does not pile up messages to drain.
   */
  private long steadyCount() {
    return sizes.perSecond() * sizes.steady().toSeconds();
  }

  private String pace() {
    return sizes.senders() + " senders × " + sizes.perSecond() + " msgs/s";
  }

  private long third() {
    return sizes.steady().toMillis() / 3;
  }

  private static String secs(Duration d) {
    return d.toSeconds() + " s";
  }
}
