package dev.hl7ferry.edge.connection;

import dev.hl7ferry.edge.mllp.FramingEvent;
import dev.hl7ferry.edge.mllp.MllpFrame;
import dev.hl7ferry.edge.mllp.OversizedFrame;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line when a connection opens and one when it closes, with the frames it carried and the
 * bytes skipped between frames. Never content.
 */
public final class ConnectionLog extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionLog.class);

  private long openedAt;
  private long frames;
  private long oversized;
  private long skippedBytes;

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    openedAt = System.nanoTime();
    LOG.info("connection opened peer={} id={}", ctx.channel().remoteAddress(), ctx.channel().id());
    super.channelActive(ctx);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof MllpFrame) {
      frames++;
    } else if (msg instanceof OversizedFrame) {
      oversized++;
    }
    ctx.fireChannelRead(msg);
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (evt instanceof FramingEvent.BytesSkipped skipped) {
      skippedBytes += skipped.count();
    }
    super.userEventTriggered(ctx, evt);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    LOG.info(
        "connection closed peer={} id={} frames={} oversized={} skippedBytes={} durationMs={}",
        ctx.channel().remoteAddress(),
        ctx.channel().id(),
        frames,
        oversized,
        skippedBytes,
        (System.nanoTime() - openedAt) / 1_000_000);
    super.channelInactive(ctx);
  }
}
