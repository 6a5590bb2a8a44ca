package dev.hl7ferry.edge.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Samples an edge's heap and direct memory in use from its admin port's {@code /metrics} every 200
 * ms and keeps the peaks (a peak between two samples is missed).
 */
final class MemorySampler {
  private static final Pattern HEAP =
      Pattern.compile("(?m)^jvm_memory_used_bytes\\{area=\"heap\",[^}]*} ([0-9.E+-]+)$");
  private static final Pattern DIRECT =
      Pattern.compile("(?m)^jvm_buffer_memory_used_bytes\\{id=\"direct\"[^}]*} ([0-9.E+-]+)$");

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI metrics;
  private final AtomicLong peakHeap = new AtomicLong();
  private final AtomicLong peakDirect = new AtomicLong();
  private final AtomicInteger samples = new AtomicInteger();
  private final Thread thread;
  private volatile boolean running = true;

  private MemorySampler(String adminUrl) {
    this.metrics = URI.create(adminUrl + "metrics");
    this.thread = new Thread(this::run, "memory-sampler");
    thread.setDaemon(true);
  }

  /** Starts sampling the edge whose admin port is at {@code adminUrl} ({@code http://h:p/}). */
  static MemorySampler start(String adminUrl) {
    MemorySampler sampler = new MemorySampler(adminUrl);
    sampler.thread.start();
    return sampler;
  }

  long peakHeap() {
    return peakHeap.get();
  }

  long peakDirect() {
    return peakDirect.get();
  }

  int samples() {
    return samples.get();
  }

  void stop() throws InterruptedException {
    running = false;
    thread.join(10_000);
  }

  private void run() {
    while (running) {
      try {
        String text =
            client
                .send(
                    HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString())
                .body();
        peakHeap.accumulateAndGet(sum(HEAP.matcher(text)), Math::max);
        peakDirect.accumulateAndGet(sum(DIRECT.matcher(text)), Math::max);
        samples.incrementAndGet();
        Thread.sleep(200);
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        // A sample lost to a busy edge is only a sample: the peaks are what was seen.
      }
    }
  }

  private static long sum(Matcher m) {
    double total = 0;
    while (m.find()) {
      total += Double.parseDouble(m.group(1));
    }
    return (long) total;
  }
}
