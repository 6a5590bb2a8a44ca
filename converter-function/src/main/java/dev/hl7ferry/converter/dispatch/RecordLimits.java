package dev.hl7ferry.converter.dispatch;

import java.time.Duration;

/**
 * What one record may cost: its payload's size and its rendering's wall time.
 *
 * @param maxInputBytes a payload declared larger is refused before it is read
 * @param renderTimeout how long routing and rendering one record may take
 */
public record RecordLimits(long maxInputBytes, Duration renderTimeout) {

  /** 16 MiB and 5 seconds. */
  public static final RecordLimits DEFAULTS =
      new RecordLimits(16L * 1024 * 1024, Duration.ofSeconds(5));

  public RecordLimits {
    if (maxInputBytes < 1) {
      throw new IllegalArgumentException("maxInputBytes must be positive");
    }
    if (renderTimeout == null || renderTimeout.isNegative() || renderTimeout.isZero()) {
      throw new IllegalArgumentException("renderTimeout must be positive");
    }
  }
}
