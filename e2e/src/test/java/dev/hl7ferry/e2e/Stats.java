package dev.hl7ferry.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/** Latency samples in milliseconds and their percentiles, for {@link LatencyBench}. */
final class Stats {
  static final String HEADER =
      String.format("%-36s %8s %8s %8s %8s %8s", "ms", "p50", "p90", "p99", "max", "n");

  private double[] samples = new double[1024];
  private int count;

  void add(Instant from, Instant to) {
    if (count == samples.length) {
      samples = Arrays.copyOf(samples, count * 2);
    }
    samples[count++] = Duration.between(from, to).toNanos() / 1e6;
  }

  int count() {
    return count;
  }

  String line(String what) {
    if (count == 0) {
      return String.format("%-36s %8s", what, "no samples");
    }
    double[] sorted = Arrays.copyOf(samples, count);
    Arrays.sort(sorted);
    return String.format(
        "%-36s %8.1f %8.1f %8.1f %8.1f %8d",
        what, at(sorted, 0.50), at(sorted, 0.90), at(sorted, 0.99), sorted[count - 1], count);
  }

  private static double at(double[] sorted, double p) {
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
