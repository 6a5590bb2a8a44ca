package dev.hl7ferry.edge.config;

import java.util.List;

/**
 * The {@code limits} section: the memory all connections together may hold in flight. See {@code
 * ferry-edge-default.yaml} for what the key means.
 *
 * @param inFlightBytes the global budget in bytes; 0: an eighth of the JVM's maximum heap, at most
 *     64 MiB
 */
public record LimitsConfig(long inFlightBytes) {
  /** What {@code inFlightBytes: 0} stands for at most. */
  public static final long DEFAULT_MAX = 64L * 1024 * 1024;

  /** The smallest budget accepted: a few ordinary messages. */
  public static final long MIN = 64L * 1024;

  /** The default when the section is left out: {@code inFlightBytes: 0}. */
  public static final LimitsConfig DEFAULT = new LimitsConfig(0);

  /** The budget in bytes: {@code inFlightBytes}, or for 0 the default for {@code maxHeap}. */
  public long budget(long maxHeap) {
    return inFlightBytes > 0 ? inFlightBytes : Math.max(MIN, Math.min(DEFAULT_MAX, maxHeap / 8));
  }

  List<String> problems() {
    List<String> found =
        new Problems("limits").range("inFlightBytes", inFlightBytes, 0, Long.MAX_VALUE / 4).list();
    if (inFlightBytes > 0 && inFlightBytes < MIN) {
      return List.of(
          "limits.inFlightBytes: must be 0 (the default) or at least "
              + MIN
              + ", was "
              + inFlightBytes);
    }
    return found;
  }
}
