package dev.hl7ferry.edge.connection;

import io.netty.channel.ChannelHandlerContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The per-address cap: a peer that already holds {@code max} connections on this listener is
 * refused another. One instance per connection over the listener's shared {@link Counts}.
 */
public final class PeerLimiter extends ConnectionGate {
  private final Counts counts;
  private final int max;
  private String peer;

  /** Open connections per peer address on one listener. */
  public static final class Counts {
    private final Map<String, AtomicInteger> open = new ConcurrentHashMap<>();

    /** Open connections from {@code peer} now. */
    public int of(String peer) {
      AtomicInteger n = open.get(peer);
      return n == null ? 0 : n.get();
    }

    boolean take(String peer, int max) {
      boolean[] taken = {false};
      open.compute(
          peer,
          (k, n) -> {
            AtomicInteger count = n == null ? new AtomicInteger() : n;
            if (count.get() < max) {
              count.incrementAndGet();
              taken[0] = true;
            }
            return count.get() == 0 ? null : count;
          });
      return taken[0];
    }

    void give(String peer) {
      open.computeIfPresent(peer, (k, n) -> n.decrementAndGet() <= 0 ? null : n);
    }
  }

  public PeerLimiter(Counts counts, int max, RefusalLog refusals, String listener) {
    super(refusals, listener);
    this.counts = counts;
    this.max = max;
  }

  @Override
  protected String refusal(ChannelHandlerContext ctx) {
    String address = peer(ctx.channel().remoteAddress());
    if (!counts.take(address, max)) {
      return "limit of " + max + " connections from one address reached";
    }
    peer = address;
    return null;
  }

  @Override
  protected void release(ChannelHandlerContext ctx) {
    counts.give(peer);
  }
}
