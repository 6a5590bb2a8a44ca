package dev.hl7ferry.e2e;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * Where a benchmark's CPU went, by thread family (a thread's name without its numbers): a snapshot
 * of every live thread's CPU time at the start, and at the end the time spent since, grouped and
 * divided by the messages handled. Threads that ended in between are not counted; the process total
 * is.
 */
final class CpuShares {
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final Map<Long, Long> startNanos = new HashMap<>();
  private final long processStart = processCpuNanos();
  private final long compileStartMillis = compileMillis();
  private final long gcStartMillis = gcMillis();
  private final Map<String, Long> callsAtStart = RequestCounter.snapshot();

  CpuShares() {
    for (long id : threads.getAllThreadIds()) {
      startNanos.put(id, threads.getThreadCpuTime(id));
    }
  }

  /** Prints the process's CPU per message and the largest thread families' shares. */
  void print(int messages) {
    Map<String, Long> byFamily = new HashMap<>();
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info == null) {
        continue;
      }
      long now = threads.getThreadCpuTime(info.getThreadId());
      long spent = now - startNanos.getOrDefault(info.getThreadId(), 0L);
      if (now > 0 && spent > 0) {
        byFamily.merge(family(info.getThreadName()), spent, Long::sum);
      }
    }
    double total = (processCpuNanos() - processStart) / 1e6 / messages;
    System.out.printf(
        "process CPU per message: %.2f ms (edge, local cloud, converter and sink in this JVM)%n",
        total);
    System.out.printf(
        "  (JIT compilation %.2f ms, GC %.2f ms per message; neither shows as a thread below)%n",
        (compileMillis() - compileStartMillis) / (double) messages,
        (gcMillis() - gcStartMillis) / (double) messages);
    byFamily.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(10)
        .forEach(
            e ->
                System.out.printf("  %-40s %6.2f ms%n", e.getKey(), e.getValue() / 1e6 / messages));
    StringBuilder calls = new StringBuilder("AWS calls per message:");
    RequestCounter.snapshot()
        .forEach(
            (name, count) -> {
              long spent = count - callsAtStart.getOrDefault(name, 0L);
              if (spent > 0) {
                calls.append(String.format(" %s %.2f", name, spent / (double) messages));
              }
            });
    System.out.println(calls);
  }

  private static String family(String name) {
    return name.replaceAll("[0-9]+", "#");
  }

  private static long compileMillis() {
    var jit = ManagementFactory.getCompilationMXBean();
    return jit != null && jit.isCompilationTimeMonitoringSupported()
        ? jit.getTotalCompilationTime()
        : 0;
  }

  private static long gcMillis() {
    long total = 0;
    for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      total += Math.max(0, gc.getCollectionTime());
    }
    return total;
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
