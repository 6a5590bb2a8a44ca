package dev.hl7ferry.edge.receive;

import java.time.Duration;
import java.util.Objects;

/**
 * When a committed store is acknowledged positively, as plain values.
 *
 * @param ackAfter after the local commit, or once the cloud confirmed the entry
 * @param timeout how long an {@code ackAfter: cloud} ACK waits before it becomes AR/CR
 */
public record AckSettings(AckAfter ackAfter, Duration timeout) {

  public AckSettings {
    Objects.requireNonNull(ackAfter, "ackAfter");
    Objects.requireNonNull(timeout, "timeout");
  }
}
