package dev.hl7ferry.edge.events;

import dev.hl7ferry.core.ack.AckCode;
import java.time.Duration;
import java.util.List;

/** Hands each event to several listeners in order (the metrics and the status board). */
public final class FanOut implements EdgeEvents {
  private final EdgeEvents[] all;

  private FanOut(List<EdgeEvents> listeners) {
    this.all = listeners.toArray(EdgeEvents[]::new);
  }

  /** One listener for all of {@code listeners}. */
  public static EdgeEvents of(List<EdgeEvents> listeners) {
    return listeners.size() == 1 ? listeners.get(0) : new FanOut(listeners);
  }

  @Override
  public void received() {
    for (EdgeEvents e : all) {
      e.received();
    }
  }

  @Override
  public void answered(AckCode code) {
    for (EdgeEvents e : all) {
      e.answered(code);
    }
  }

  @Override
  public void refusedMessage(NakReason reason) {
    for (EdgeEvents e : all) {
      e.refusedMessage(reason);
    }
  }

  @Override
  public void acknowledged(long nanos) {
    for (EdgeEvents e : all) {
      e.acknowledged(nanos);
    }
  }

  @Override
  public void connection(boolean accepted) {
    for (EdgeEvents e : all) {
      e.connection(accepted);
    }
  }

  @Override
  public void shipped(int count, long bytes, Duration took) {
    for (EdgeEvents e : all) {
      e.shipped(count, bytes, took);
    }
  }

  @Override
  public void retrying(int count, int consecutiveFailures, Duration retryIn, String reason) {
    for (EdgeEvents e : all) {
      e.retrying(count, consecutiveFailures, retryIn, reason);
    }
  }

  @Override
  public void failed(dev.hl7ferry.edge.ship.FailureKind kind) {
    for (EdgeEvents e : all) {
      e.failed(kind);
    }
  }

  @Override
  public void pruned(int count) {
    for (EdgeEvents e : all) {
      e.pruned(count);
    }
  }

  @Override
  public void quarantined(String entryId, String reason) {
    for (EdgeEvents e : all) {
      e.quarantined(entryId, reason);
    }
  }

  @Override
  public void running(boolean running) {
    for (EdgeEvents e : all) {
      e.running(running);
    }
  }

  @Override
  public void outboundQueued(String destination, int count) {
    for (EdgeEvents e : all) {
      e.outboundQueued(destination, count);
    }
  }

  @Override
  public void delivered(String destination, Duration took) {
    for (EdgeEvents e : all) {
      e.delivered(destination, took);
    }
  }

  @Override
  public void deliveryFailed(String destination, String detail) {
    for (EdgeEvents e : all) {
      e.deliveryFailed(destination, detail);
    }
  }

  @Override
  public void deadLettered(String destination) {
    for (EdgeEvents e : all) {
      e.deadLettered(destination);
    }
  }
}
