package dev.hl7ferry.edge.outbound;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Splits {@link OutboundBench}'s CPU by who spent it: the sinks (Netty's threads: the bench's edge
 * side uses blocking sockets, so every Netty thread is a sink's), the edge (delivery, commit and
 * spool threads, also given each on its own), and the rest of the process (JIT compilers, GC, the
 * bench's main thread), which is the process CPU minus the two.
 */
final class ThreadCpu {
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final Map<Long, Long> start = new HashMap<>();
  private final long processStart;

  private ThreadCpu() {
    this.processStart = SinkBaseline.processCpuNanos();
    for (long id : threads.getAllThreadIds()) {
      start.put(id, Math.max(0, threads.getThreadCpuTime(id)));
    }
  }

  /** Starts counting from now. */
  static ThreadCpu start() {
    return new ThreadCpu();
  }

  /** CPU nanoseconds since {@link #start} by share: sinks, edge, rest (of live threads). */
  Map<String, Long> since() {
    Map<String, Long> shares = new LinkedHashMap<>();
    shares.put("sinks", 0L);
    shares.put("client", 0L);
    shares.put("edge", 0L);
    shares.put("edge.deliver", 0L);
    shares.put("edge.commit", 0L);
    shares.put("edge.spool", 0L);
    long counted = 0;
    for (long id : threads.getAllThreadIds()) {
      ThreadInfo info = threads.getThreadInfo(id);
      long cpu = threads.getThreadCpuTime(id);
      if (info == null || cpu < 0) {
        continue;
      }
      String share = share(info.getThreadName());
      if (share == null) {
        continue;
      }
      long spent = cpu - start.getOrDefault(id, 0L);
      shares.merge(share, spent, Long::sum);
      if (share.equals("edge")) {
        shares.merge(edgePart(info.getThreadName()), spent, Long::sum);
      }
      counted += spent;
    }
    shares.put("rest", SinkBaseline.processCpuNanos() - processStart - counted);
    return shares;
  }

  /** "CPU us/msg by share: sinks S edge E rest R" for {@code messages} (empty shares left out). */
  String describe(long messages) {
    return describe(since(), messages);
  }

  /** {@code shares} (nanoseconds) per message, as {@link #describe(long)} writes them. */
  static String describe(Map<String, Long> shares, long messages) {
    StringBuilder text = new StringBuilder("CPU us/msg by share:");
    shares.forEach(
        (share, nanos) -> {
          if (nanos != 0) {
            text.append(String.format(" %s %.0f", share, nanos / 1e3 / messages));
          }
        });
    return text.toString();
  }

  /** Which part of the edge a thread of the edge share is. */
  private static String edgePart(String thread) {
    if (thread.startsWith("deliver-")) {
      return "edge.deliver";
    }
    return thread.startsWith("outbound-") ? "edge.commit" : "edge.spool";
  }

  private static String share(String thread) {
    if (thread.startsWith("multiThreadIoEventLoopGroup")
        || thread.startsWith("defaultEventExecutorGroup")) {
      return "sinks";
    }
    if (thread.startsWith("deliver-")
        || thread.startsWith("outbound-")
        || thread.startsWith("spool-")) {
      return "edge";
    }
    return null;
  }
}
