package dev.hl7ferry.edge.connection;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Closes a connection on which nothing was read or written for the idle timeout. */
public final class IdleCloser extends IdleStateHandler {
  private static final Logger LOG = LoggerFactory.getLogger(IdleCloser.class);

  private final long idleSeconds;

  public IdleCloser(long idleSeconds) {
    super(0, 0, idleSeconds, TimeUnit.SECONDS);
    this.idleSeconds = idleSeconds;
  }

  @Override
  protected void channelIdle(ChannelHandlerContext ctx, IdleStateEvent evt) {
    LOG.info(
        "closing connection peer={} reason=idle for {} s",
        ctx.channel().remoteAddress(),
        idleSeconds);
    ctx.close();
  }
}
