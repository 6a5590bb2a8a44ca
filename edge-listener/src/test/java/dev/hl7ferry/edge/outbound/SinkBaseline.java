package dev.hl7ferry.edge.outbound;

import dev.hl7ferry.core.ack.AckOutcome;
import dev.hl7ferry.edge.client.MllpClient;
import dev.hl7ferry.edge.sink.MllpSink;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The ceiling of {@link OutboundBench}: one thread per destination sends its share of messages
 * straight to a local {@link MllpSink} over one connection, window 1, with no store, receipt or
 * mark, so the figure is what the sinks, the sockets and this machine allow at that moment.
 */
final class SinkBaseline {

  /** What a run measured. */
  record Result(int destinations, long messages, double seconds, long cpuNanos, String shares) {
    String describe() {
      return String.format(
          "sinks alone (no store): %d messages to %d sink(s) in %.1f s = %.0f msgs/s,"
              + " process CPU %.0f us/msg; %s",
          messages, destinations, seconds, messages / seconds, cpuNanos / 1e3 / messages, shares);
    }
  }

  private SinkBaseline() {}

  /** Sends {@code perDestination} messages of ~{@code size} B to one fresh sink per name. */
  static Result run(List<String> names, int perDestination, int size) throws Exception {
    List<MllpSink> sinks = new ArrayList<>();
    List<Thread> senders = new ArrayList<>();
    AtomicReference<Exception> failure = new AtomicReference<>();
    AtomicLong clientCpu = new AtomicLong();
    try {
      for (int d = 0; d < names.size(); d++) {
        MllpSink sink = new MllpSink("127.0.0.1", 0, null, AckOutcome.ACCEPT);
        int port = sink.start().getPort();
        sinks.add(sink);
        int first = d * perDestination;
        senders.add(
            new Thread(
                () -> {
                  send(port, first, perDestination, size, failure);
                  clientCpu.addAndGet(
                      ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
                },
                "baseline-" + d));
      }
      long cpu0 = processCpuNanos();
      ThreadCpu byThread = ThreadCpu.start();
      long start = System.nanoTime();
      senders.forEach(Thread::start);
      long total = (long) perDestination * names.size();
      for (Thread sender : senders) {
        sender.join();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      long cpu = processCpuNanos() - cpu0;
      if (failure.get() != null) {
        throw failure.get();
      }
      Map<String, Long> shares = byThread.since();
      // The client threads have ended: their CPU is in "rest"; they counted it themselves.
      shares.put("client", clientCpu.get());
      shares.merge("rest", -clientCpu.get(), Long::sum);
      return new Result(names.size(), total, seconds, cpu, ThreadCpu.describe(shares, total));
    } finally {
      sinks.forEach(MllpSink::close);
    }
  }

  private static void send(
      int port, int first, int count, int size, AtomicReference<Exception> failure) {
    try (MllpClient client =
        MllpClient.connect("127.0.0.1", port, Duration.ofSeconds(5), Duration.ofSeconds(30))) {
      for (int n = first; n < first + count; n++) {
        client.send(OutboundBench.hl7(n, size));
        client.receive();
      }
    } catch (Exception e) {
      failure.compareAndSet(null, e);
    }
  }

  /** CPU time of this whole process so far (all threads, the sinks' included). */
  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
