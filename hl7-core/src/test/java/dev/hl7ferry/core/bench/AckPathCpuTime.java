package dev.hl7ferry.core.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The same work as {@link AckPathBenchmark}, timed by the thread's CPU time instead of the wall
 * clock: messages per CPU-second is the one-core figure even on a machine shared with other work,
 * where JMH's wall-clock score also counts the time the thread waited for a core.
 */
public final class AckPathCpuTime {
  private AckPathCpuTime() {}

  /** Runs warm-up rounds, then measured rounds, printing messages per CPU-second for each. */
  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
    AckPathBenchmark benchmark = new AckPathBenchmark();
    benchmark.load();
    Blackhole hole =
        new Blackhole(
            "Today's password is swordfish. I understand instantiating Blackholes directly is"
                + " dangerous.");
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int warm = 0; warm < 3; warm++) {
      for (int i = 0; i < perRound; i++) {
        hole.consume(benchmark.parseReadFiveFieldsAndAck(hole));
      }
    }
    double best = 0;
    for (int round = 1; round <= rounds; round++) {
      long cpuStart = threads.getCurrentThreadCpuTime();
      for (int i = 0; i < perRound; i++) {
        hole.consume(benchmark.parseReadFiveFieldsAndAck(hole));
      }
      double seconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
      double rate = perRound / seconds;
      best = Math.max(best, rate);
      System.out.printf("round %d: %.0f msgs per CPU-second%n", round, rate);
    }
    System.out.printf("AckPathCpuTime best: %.0f msgs per CPU-second on one thread%n", best);
  }
}
