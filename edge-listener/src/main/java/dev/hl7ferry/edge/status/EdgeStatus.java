package dev.hl7ferry.edge.status;

import java.util.List;
import java.util.Map;

/**
 * What the status page shows, as {@code /status.json}: counts, states, codes and ids, never message
 * content. Times are epoch milliseconds, 0 for never.
 *
 * @param version the edge's version
 * @param startedAt when this edge started
 * @param now when this snapshot was taken
 * @param listeners the MLLP listeners accepting connections
 * @param connections open connections, by peer address
 * @param messages what was received and answered
 * @param spool the local spool's backlog
 * @param cloud the link to the cloud (shipping)
 * @param destinations each outbound destination, in configuration order
 * @param readiness the checks behind {@code /readyz}
 */
public record EdgeStatus(
    String version,
    long startedAt,
    long now,
    List<Listener> listeners,
    Connections connections,
    Messages messages,
    Spool spool,
    Cloud cloud,
    List<Destination> destinations,
    Readiness readiness) {

  /** One MLLP listener. */
  public record Listener(String address, int port, boolean tls) {}

  /** Open connections: the total, connections refused so far, and open ones per peer address. */
  public record Connections(int open, long refused, List<Peer> peers) {}

  /** Connections from one peer address to one listener port. */
  public record Peer(String address, int listenerPort, int connections) {}

  /**
   * Messages received since the start, in the last minute and per minute of the last half hour
   * (oldest first, -1 where not yet sampled), acknowledgements by code and NAKs by reason.
   */
  public record Messages(
      long received,
      long lastMinute,
      List<Long> perMinute,
      Map<String, Long> answered,
      Map<String, Long> naks) {}

  /**
   * The spool: entries not yet shipped (count, bytes, oldest age), shipped and kept, quarantined.
   * {@code durable} is false with {@code durability: none} (nothing is stored, counts are 0).
   */
  public record Spool(
      boolean durable,
      long backlog,
      long backlogBytes,
      long oldestUnshippedAgeSeconds,
      long shipped,
      long quarantined) {}

  /**
   * The cloud link: {@code off} (shipping disabled), {@code waiting}, {@code up} or {@code
   * retrying}; the last error carries error codes and ids only.
   */
  public record Cloud(
      String state,
      long shipped,
      long lastShippedAt,
      String lastError,
      long lastErrorAt,
      int failuresInARow,
      long quarantined,
      String lastQuarantinedId) {}

  /**
   * One outbound destination: {@code up}, {@code down} or {@code idle}; outputs waiting and
   * dead-lettered (from the store), delivered since the start, the last error (codes, no content).
   */
  public record Destination(
      String name,
      String state,
      long queued,
      long deadLetters,
      long delivered,
      long lastDeliveredAt,
      String lastError,
      long lastErrorAt) {}
}
