package dev.hl7ferry.edge.connection;

import dev.hl7ferry.edge.mllp.FramingEvent;
import dev.hl7ferry.edge.mllp.MllpFrame;
import dev.hl7ferry.edge.mllp.OversizedFrame;
import dev.hl7ferry.edge.mllp.ReadPause;
import dev.hl7ferry.edge.receive.PendingReply;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import java.util.ArrayDeque;

/**
 * One connection's share of the {@link InFlightBudget}: the bytes the decoder holds for the frame
 * it is receiving ({@link FramingEvent.Held}) and each received frame's bytes until its store
 * answered (its {@link PendingReply} completes; replies are written in arrival order, one per
 * frame). After each change it looks at the budget and stops reading when it is spent, unless this
 * connection leads: then it finishes the frame it is receiving and stops after it. Sits behind the
 * reply sequencer, in front of the message reader; used on the connection's event loop.
 */
public final class InFlightLimiter extends ChannelDuplexHandler {
  private final InFlightBudget budget;
  private final ArrayDeque<Long> unanswered = new ArrayDeque<>();
  private ChannelHandlerContext ctx;
  private ReadPause pause;
  private long partial;
  private long answering;
  private long reported;
  private long framesIn;
  private long framesAnswered;
  private long leadEndsAt = -1;
  private boolean leading;

  public InFlightLimiter(InFlightBudget budget) {
    this.budget = budget;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
    this.pause = ReadPause.of(ctx.channel());
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (evt instanceof FramingEvent.Held held) {
      partial = held.bytes();
      report();
    } else if (evt instanceof FramingEvent.BytesSkipped) {
      partial = 0; // an abandoned partial frame; what follows in this read is reported again
      report();
    }
    super.userEventTriggered(ctx, evt);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    long size = -1;
    if (msg instanceof MllpFrame frame) {
      size = frame.payload().length;
    } else if (msg instanceof OversizedFrame frame) {
      size = frame.head().length;
    }
    if (size >= 0) {
      partial = 0;
      unanswered.add(size);
      answering += size;
      framesIn++;
      if (!leading && budget.leads(ctx.channel())) {
        leading = true; // made the lead while paused, and its frame ended in the first read
      }
      if (leading && leadEndsAt < 0) {
        leadEndsAt = framesIn; // the lead's frame is in: it leads until that one is answered
      }
      report();
    }
    ctx.fireChannelRead(msg);
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (msg instanceof PendingReply pending) {
      Long size = unanswered.poll();
      if (size != null) {
        pending.reply().whenComplete((reply, error) -> answered(size));
      }
    }
    ctx.write(msg, promise);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    budget.add(-reported);
    reported = 0;
    partial = 0;
    answering = 0;
    unanswered.clear();
    leading = false;
    budget.closed(ctx.channel());
    super.channelInactive(ctx);
  }

  /** A frame's store answered (on whatever thread completed it): its bytes are free. */
  private void answered(long size) {
    if (!ctx.executor().inEventLoop()) {
      ctx.executor().execute(() -> answered(size));
      return;
    }
    if (!ctx.channel().isActive()) {
      return; // channelInactive gave everything back
    }
    answering -= size;
    framesAnswered++;
    report();
    if (leading && leadEndsAt > 0 && framesAnswered >= leadEndsAt) {
      leading = false;
      leadEndsAt = -1;
      budget.led(ctx.channel());
    }
  }

  private void report() {
    long now = partial + answering;
    if (now != reported) {
      budget.add(now - reported);
      reported = now;
    }
    if (pause.holds(ReadPause.Reason.BUDGET)) {
      budget.stillPaused(ctx.channel(), partial); // a read that was under way when it paused
      return;
    }
    if (!budget.spent()) {
      return;
    }
    if (leading ? leadEndsAt < 0 : partial > 0 && budget.lead(ctx.channel())) {
      leading = true; // finishes the frame it is receiving
      return;
    }
    budget.pause(ctx.channel(), partial);
  }
}
