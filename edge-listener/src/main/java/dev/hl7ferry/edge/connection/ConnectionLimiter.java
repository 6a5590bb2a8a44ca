package dev.hl7ferry.edge.connection;

import io.netty.channel.ChannelHandlerContext;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Refuses a connection beyond {@code max} open ones on all listeners together. One instance per
 * connection over a shared counter.
 */
public final class ConnectionLimiter extends ConnectionGate {
  private final AtomicInteger open;
  private final int max;

  public ConnectionLimiter(AtomicInteger open, int max, RefusalLog refusals, String listener) {
    super(refusals, listener);
    this.open = open;
    this.max = max;
  }

  @Override
  protected String refusal(ChannelHandlerContext ctx) {
    if (open.incrementAndGet() > max) {
      open.decrementAndGet();
      return "limit of " + max + " connections reached";
    }
    return null;
  }

  @Override
  protected void release(ChannelHandlerContext ctx) {
    open.decrementAndGet();
  }
}
