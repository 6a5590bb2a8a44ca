package dev.hl7ferry.edge.connection;

import dev.hl7ferry.edge.events.EdgeEvents;
import io.netty.channel.ChannelHandlerContext;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Refuses a connection beyond {@code max} open ones on all listeners together. One instance per
 * connection over a shared counter. It is the last gate of the pipeline, so a connection it lets in
 * is an accepted one: it tells the {@link EdgeEvents} (refusals are told by the {@link
 * RefusalLog}).
 */
public final class ConnectionLimiter extends ConnectionGate {
  private final AtomicInteger open;
  private final int max;
  private final EdgeEvents events;

  public ConnectionLimiter(AtomicInteger open, int max, RefusalLog refusals, String listener) {
    this(open, max, refusals, listener, EdgeEvents.NONE);
  }

  /**
   * @param events told of each connection accepted
   */
  public ConnectionLimiter(
      AtomicInteger open, int max, RefusalLog refusals, String listener, EdgeEvents events) {
    super(refusals, listener);
    this.open = open;
    this.max = max;
    this.events = events;
  }

  @Override
  protected String refusal(ChannelHandlerContext ctx) {
    if (open.incrementAndGet() > max) {
      open.decrementAndGet();
      return "limit of " + max + " connections reached";
    }
    events.connection(true);
    return null;
  }

  @Override
  protected void release(ChannelHandlerContext ctx) {
    open.decrementAndGet();
  }
}
