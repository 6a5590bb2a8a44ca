package dev.hl7ferry.edge.mllp;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a connection whose frame started but did not finish in time. The clock starts at the first
 * {@link FramingEvent#PENDING} of a frame and is not reset by further bytes, so a sender trickling
 * a frame byte by byte is cut off too. Time the edge itself does not read (the in-flight budget is
 * spent, {@link ReadPause.Reason#BUDGET}) does not count against the sender: a timeout that runs
 * out during such a pause, or after one began, starts again.
 */
public final class FrameTimeoutHandler extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(FrameTimeoutHandler.class);

  private final long timeoutNanos;
  private ScheduledFuture<?> timer;
  private long budgetPausesAtArm;

  public FrameTimeoutHandler(Duration timeout) {
    this.timeoutNanos = timeout.toNanos();
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (evt instanceof FramingEvent.FramePending && timer == null) {
      arm(ctx);
    }
    super.userEventTriggered(ctx, evt);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof MllpFrame || msg instanceof OversizedFrame) {
      cancel();
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
    budgetPausesAtArm = ReadPause.of(ctx.channel()).budgetPauses();
    timer = ctx.executor().schedule(() -> expire(ctx), timeoutNanos, TimeUnit.NANOSECONDS);
  }

  private void expire(ChannelHandlerContext ctx) {
    timer = null;
    ReadPause pause = ReadPause.of(ctx.channel());
    if (ctx.channel().isActive()
        && (pause.holds(ReadPause.Reason.BUDGET) || pause.budgetPauses() != budgetPausesAtArm)) {
      arm(ctx);
      return;
    }
    if (ctx.channel().isActive()) {
      LOG.warn(
          "closing connection peer={} reason=frame not finished within {} ms",
          ctx.channel().remoteAddress(),
          TimeUnit.NANOSECONDS.toMillis(timeoutNanos));
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
