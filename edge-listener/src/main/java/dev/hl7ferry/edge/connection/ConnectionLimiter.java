package dev.hl7ferry.edge.connection;

import dev.hl7ferry.edge.events.EdgeEvents;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses a connection beyond {@code max} open ones: it is closed at once, logged, and never seen
 * by the handlers behind this one. One instance per connection over a shared counter.
 */
public final class ConnectionLimiter extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionLimiter.class);

  private final AtomicInteger open;
  private final int max;
  private final EdgeEvents events;
  private boolean counted;

  public ConnectionLimiter(AtomicInteger open, int max) {
    this(open, max, EdgeEvents.NONE);
  }

  /**
   * @param events told of each connection accepted or refused
   */
  public ConnectionLimiter(AtomicInteger open, int max, EdgeEvents events) {
    this.open = open;
    this.max = max;
    this.events = events;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    if (open.incrementAndGet() > max) {
      open.decrementAndGet();
      LOG.warn(
          "refused connection peer={} reason=limit of {} connections reached",
          ctx.channel().remoteAddress(),
          max);
      events.connection(false);
      ctx.close();
      return;
    }
    counted = true;
    events.connection(true);
    super.channelActive(ctx);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    if (counted) {
      counted = false;
      open.decrementAndGet();
      super.channelInactive(ctx);
    }
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (counted) {
      ctx.fireChannelRead(msg);
    } else {
      io.netty.util.ReferenceCountUtil.release(msg);
    }
  }
}
