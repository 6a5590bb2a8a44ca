package dev.hl7ferry.edge.status;

import dev.hl7ferry.edge.outbound.OutboundStore;
import dev.hl7ferry.edge.spool.SpoolStats;
import io.netty.channel.Channel;
import io.netty.channel.group.ChannelGroup;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Builds the {@link EdgeStatus} snapshot from the live parts; a snapshot is reused for up to a
 * second, so metrics scrapes and status pages together read the spool's index at most once a
 * second.
 */
public final class StatusSource {
  private static final long REUSE_MILLIS = 1_000;

  /**
   * The parts a snapshot reads.
   *
   * @param spoolStats the durable spool's counts now; empty with {@code durability: none}
   * @param shipping whether {@code ship.enabled}
   * @param destinations configured outbound destinations, in order (empty when outbound is off)
   * @param backlog outputs waiting and dead-lettered per destination
   */
  public record Parts(
      Supplier<Optional<SpoolStats>> spoolStats,
      boolean shipping,
      List<String> destinations,
      Supplier<OutboundStore.Backlog> backlog) {}

  private final String version;
  private final long startedAt;
  private final Clock clock;
  private final Listeners listeners;
  private final ChannelGroup connections;
  private final StatusBoard board;
  private final Parts parts;
  private final ReadinessCheck readiness;
  private EdgeStatus last;

  public StatusSource(
      String version,
      Clock clock,
      Listeners listeners,
      ChannelGroup connections,
      StatusBoard board,
      Parts parts,
      ReadinessCheck readiness) {
    this.version = version;
    this.clock = clock;
    this.startedAt = clock.millis();
    this.listeners = listeners;
    this.connections = connections;
    this.board = board;
    this.parts = parts;
    this.readiness = readiness;
  }

  /** The current status, at most a second old. */
  public synchronized EdgeStatus snapshot() {
    long now = clock.millis();
    if (last == null || now - last.now() >= REUSE_MILLIS || now < last.now()) {
      last = take(now);
    }
    return last;
  }

  /** The readiness checks, run now (not cached: a probe must see a change at once). */
  public Readiness readiness() {
    return readiness.check(cloud().state());
  }

  private EdgeStatus take(long now) {
    RateWindow.Rates rates = board.rates();
    EdgeStatus.Cloud cloud = cloud();
    return new EdgeStatus(
        version,
        startedAt,
        now,
        listeners.accepting().stream()
            .map(
                b ->
                    new EdgeStatus.Listener(
                        b.address().getAddress().isAnyLocalAddress()
                            ? "all interfaces"
                            : b.address().getAddress().getHostAddress(),
                        b.address().getPort(),
                        b.tls()))
            .toList(),
        new EdgeStatus.Connections(connections.size(), board.refusedConnections(), peers()),
        new EdgeStatus.Messages(
            board.receivedCount(),
            rates.lastMinute(),
            rates.perMinute(),
            board.answered(),
            board.naks()),
        spool(now),
        cloud,
        destinations(),
        readiness.check(cloud.state()));
  }

  private List<EdgeStatus.Peer> peers() {
    Map<String, int[]> counts = new TreeMap<>();
    for (Channel channel : connections) {
      if (channel.remoteAddress() instanceof InetSocketAddress remote
          && channel.localAddress() instanceof InetSocketAddress local) {
        String key = remote.getAddress().getHostAddress() + " " + local.getPort();
        counts.computeIfAbsent(key, k -> new int[1])[0]++;
      }
    }
    List<EdgeStatus.Peer> peers = new ArrayList<>();
    counts.forEach(
        (key, count) -> {
          String[] parts = key.split(" ");
          peers.add(new EdgeStatus.Peer(parts[0], Integer.parseInt(parts[1]), count[0]));
        });
    return peers;
  }

  private EdgeStatus.Spool spool(long now) {
    Optional<SpoolStats> stats = parts.spoolStats().get();
    if (stats.isEmpty()) {
      return new EdgeStatus.Spool(false, 0, 0, 0, 0, 0);
    }
    SpoolStats s = stats.get();
    long oldestAge =
        s.oldestUnshipped() == null
            ? 0
            : Math.max(0, (now - s.oldestUnshipped().toEpochMilli()) / 1000);
    return new EdgeStatus.Spool(
        true, s.received(), s.receivedBytes(), oldestAge, s.shipped(), s.quarantined());
  }

  private EdgeStatus.Cloud cloud() {
    CloudLink link = board.cloud();
    return new EdgeStatus.Cloud(
        parts.shipping() ? link.state() : "off",
        link.shipped(),
        link.lastShippedAt(),
        link.lastError(),
        link.lastErrorAt(),
        link.failuresInARow(),
        link.quarantined(),
        link.lastQuarantinedId());
  }

  private List<EdgeStatus.Destination> destinations() {
    if (parts.destinations().isEmpty()) {
      return List.of();
    }
    OutboundStore.Backlog backlog = parts.backlog().get();
    List<EdgeStatus.Destination> out = new ArrayList<>();
    for (String name : parts.destinations()) {
      DestinationBoard.View v = board.destination(name);
      out.add(
          new EdgeStatus.Destination(
              name,
              v.state(),
              backlog.pending().getOrDefault(name, 0L),
              backlog.dead().getOrDefault(name, 0L),
              v.delivered(),
              v.lastDeliveredAt(),
              v.lastError(),
              v.lastErrorAt()));
    }
    return out;
  }
}
