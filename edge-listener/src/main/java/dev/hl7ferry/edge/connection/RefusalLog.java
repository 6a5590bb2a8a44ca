package dev.hl7ferry.edge.connection;

import dev.hl7ferry.edge.events.EdgeEvents;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts every refused connection and logs at most one line a minute per peer address, so a peer
 * retrying in a loop cannot flood the log; the next line says how many went unlogged. Shared by
 * every listener.
 */
public final class RefusalLog {
  private static final Logger LOG = LoggerFactory.getLogger(RefusalLog.class);
  private static final long EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);
  private static final int MAX_TRACKED = 10_000;

  private final LongSupplier nanoTime;
  private final EdgeEvents events;
  private final LongAdder refused = new LongAdder();
  private final Map<String, Peer> peers = new ConcurrentHashMap<>();

  private static final class Peer {
    long loggedAt;
    long unlogged;
  }

  public RefusalLog() {
    this(EdgeEvents.NONE);
  }

  /**
   * @param events told of each refused connection
   */
  public RefusalLog(EdgeEvents events) {
    this(System::nanoTime, events);
  }

  /** With a clock a test moves. */
  public RefusalLog(LongSupplier nanoTime) {
    this(nanoTime, EdgeEvents.NONE);
  }

  private RefusalLog(LongSupplier nanoTime, EdgeEvents events) {
    this.nanoTime = nanoTime;
    this.events = events;
  }

  /** Counts a refusal of {@code peer} on {@code listener}; logs it unless logged in the minute. */
  public void refuse(String peer, String listener, String reason) {
    refused.increment();
    events.connection(false);
    long now = nanoTime.getAsLong();
    if (peers.size() > MAX_TRACKED) {
      peers.values().removeIf(p -> now - p.loggedAt > EVERY_NANOS);
    }
    Peer state = peers.computeIfAbsent(peer, k -> new Peer());
    long unlogged;
    synchronized (state) {
      if (state.loggedAt != 0 && now - state.loggedAt < EVERY_NANOS) {
        state.unlogged++;
        return;
      }
      unlogged = state.unlogged;
      state.unlogged = 0;
      state.loggedAt = now == 0 ? 1 : now;
    }
    LOG.warn(
        "refused connection peer={} listener={} reason={}{}",
        peer,
        listener,
        reason,
        unlogged == 0 ? "" : " (" + unlogged + " more from this address since the last line)");
  }

  /** Connections refused since start, logged or not. */
  public long refused() {
    return refused.sum();
  }
}
