package dev.hl7ferry.edge.connection;

import dev.hl7ferry.edge.mllp.FramingEvent;
import dev.hl7ferry.edge.mllp.MllpFrame;
import dev.hl7ferry.edge.mllp.OversizedFrame;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a connection that does not start an MLLP frame in time: from the moment it opens (silence
 * or junk before the first start block), and from the moment more than {@value #TOLERATED} bytes
 * were skipped outside a frame after an earlier one (a CR or CRLF after an end block is tolerated;
 * silence between frames is the idle timeout's business). A frame starting stops the clock.
 */
public final class OutsideFrameTimeout extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(OutsideFrameTimeout.class);
  static final int TOLERATED = 2;

  private final long timeoutNanos;
  private ScheduledFuture<?> timer;
  private long skippedSinceFrame;
  private boolean framed;

  public OutsideFrameTimeout(Duration timeout) {
    this.timeoutNanos = timeout.toNanos();
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    arm(ctx);
    super.channelActive(ctx);
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (evt instanceof FramingEvent.FramePending) {
      cancel();
    } else if (evt instanceof FramingEvent.BytesSkipped skipped) {
      skippedSinceFrame += skipped.count();
      if (framed && skippedSinceFrame > TOLERATED) {
        arm(ctx);
      }
    }
    super.userEventTriggered(ctx, evt);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof MllpFrame || msg instanceof OversizedFrame) {
      cancel();
      framed = true;
      skippedSinceFrame = 0;
    }
    ctx.fireChannelRead(msg);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    cancel();
    super.channelInactive(ctx);
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    cancel();
  }

  private void arm(ChannelHandlerContext ctx) {
    if (timer == null) {
      timer = ctx.executor().schedule(() -> expire(ctx), timeoutNanos, TimeUnit.NANOSECONDS);
    }
  }

  private void expire(ChannelHandlerContext ctx) {
    timer = null;
    if (ctx.channel().isActive()) {
      LOG.warn(
          "closing connection peer={} reason=no MLLP start block within {} ms ({} bytes outside a"
              + " frame)",
          ctx.channel().remoteAddress(),
          TimeUnit.NANOSECONDS.toMillis(timeoutNanos),
          skippedSinceFrame);
      ctx.close();
    }
  }

  private void cancel() {
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
  }
}
