package dev.hl7ferry.edge.status;

import dev.hl7ferry.core.ack.AckCode;
import dev.hl7ferry.edge.events.EdgeEvents;
import dev.hl7ferry.edge.events.NakReason;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Keeps what the status page shows from the edge's events: counts by ACK code and NAK reason,
 * messages per minute, the cloud link's last success and error, and each destination's state. The
 * receive events only add to counters; everything else happens off the ACK path.
 */
public final class StatusBoard implements EdgeEvents {
  private final Clock clock;
  private final LongAdder received = new LongAdder();
  private final Map<AckCode, LongAdder> answered = new EnumMap<>(AckCode.class);
  private final Map<NakReason, LongAdder> naks = new EnumMap<>(NakReason.class);
  private final LongAdder refusedConnections = new LongAdder();
  private final RateWindow perMinute;
  private final Map<String, DestinationBoard> destinations = new ConcurrentHashMap<>();
  private volatile CloudLink cloud = CloudLink.NONE;

  public StatusBoard(Clock clock) {
    this.clock = clock;
    this.perMinute = new RateWindow(clock);
    for (AckCode code : AckCode.values()) {
      answered.put(code, new LongAdder());
    }
    for (NakReason reason : NakReason.values()) {
      naks.put(reason, new LongAdder());
    }
  }

  @Override
  public void received() {
    received.increment();
  }

  @Override
  public void answered(AckCode code) {
    answered.get(code).increment();
  }

  @Override
  public void refusedMessage(NakReason reason) {
    naks.get(reason).increment();
  }

  @Override
  public void connection(boolean accepted) {
    if (!accepted) {
      refusedConnections.increment();
    }
  }

  @Override
  public void shipped(int count, long bytes, Duration took) {
    cloud = cloud.shipped(count, clock.millis());
  }

  @Override
  public void retrying(int count, int consecutiveFailures, Duration retryIn, String reason) {
    cloud = cloud.failed(consecutiveFailures, reason, clock.millis());
  }

  @Override
  public void quarantined(String entryId, String reason) {
    cloud = cloud.quarantined(entryId);
  }

  @Override
  public void delivered(String destination, Duration took) {
    board(destination).delivered(clock.millis());
  }

  @Override
  public void deliveryFailed(String destination, String detail) {
    board(destination).failed(detail, clock.millis());
  }

  private DestinationBoard board(String destination) {
    return destinations.computeIfAbsent(destination, d -> new DestinationBoard());
  }

  /** Messages received so far. */
  public long receivedCount() {
    return received.sum();
  }

  /** Messages received in the last minute, and per minute before it (oldest first). */
  public RateWindow.Rates rates() {
    return perMinute.sample(received.sum());
  }

  /** Acknowledgements sent, by code (codes never sent are left out). */
  public Map<String, Long> answered() {
    return nonZero(answered);
  }

  /** Negative acknowledgements (and connections closed over a message) by reason. */
  public Map<String, Long> naks() {
    Map<String, Long> out = new java.util.TreeMap<>();
    naks.forEach(
        (reason, count) -> {
          if (count.sum() > 0) {
            out.put(reason.label(), count.sum());
          }
        });
    return out;
  }

  /** Connections refused by a limit so far. */
  public long refusedConnections() {
    return refusedConnections.sum();
  }

  /** The cloud link as the shipper last reported it. */
  public CloudLink cloud() {
    return cloud;
  }

  /** What {@code destination} last did; a fresh board when nothing happened yet. */
  public DestinationBoard.View destination(String destination) {
    return board(destination).view();
  }

  /** Samples the message count (called every few seconds so the rates stay current). */
  public void tick() {
    perMinute.sample(received.sum());
  }

  private static <K extends Enum<K>> Map<String, Long> nonZero(Map<K, LongAdder> counts) {
    Map<String, Long> out = new java.util.TreeMap<>();
    counts.forEach(
        (key, count) -> {
          if (count.sum() > 0) {
            out.put(key.name(), count.sum());
          }
        });
    return out;
  }
}
