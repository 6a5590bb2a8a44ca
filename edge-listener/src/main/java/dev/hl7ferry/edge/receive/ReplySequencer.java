package dev.hl7ferry.edge.receive;

import dev.hl7ferry.edge.mllp.ReadPause;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import java.util.ArrayDeque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a connection's replies in the order its messages arrived, although their stores complete
 * out of order. Holds {@link PendingReply} writes in a queue and releases the completed head of it;
 * completions arriving together (one group commit) go out with one flush. Stops reading while more
 * than {@code maxPending} replies wait, so a pipelining sender cannot outrun the store without
 * bound. On {@link DrainRequest} it stops reading and closes once everything pending is out.
 */
public final class ReplySequencer extends ChannelDuplexHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ReplySequencer.class);

  private final int maxPending;
  private final ArrayDeque<Slot> queue = new ArrayDeque<>();
  private ChannelHandlerContext ctx;
  private boolean drainScheduled;
  private boolean readPaused;
  private boolean closing;
  private ChannelFuture lastWrite;

  private record Slot(PendingReply pending, ChannelPromise promise) {}

  public ReplySequencer(int maxPending) {
    if (maxPending < 1) {
      throw new IllegalArgumentException("maxPending must be positive");
    }
    this.maxPending = maxPending;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (!(msg instanceof PendingReply pending)) {
      ctx.write(msg, promise);
      return;
    }
    queue.add(new Slot(pending, promise));
    if (queue.size() > maxPending && !readPaused) {
      readPaused = true;
      ReadPause.of(ctx.channel()).pause(ReadPause.Reason.BACKLOG);
    }
    pending.reply().whenComplete((reply, error) -> scheduleDrain());
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (evt == DrainRequest.INSTANCE) {
      closing = true;
      ReadPause.of(ctx.channel()).pause(ReadPause.Reason.DRAIN);
      drain();
      return;
    }
    super.userEventTriggered(ctx, evt);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    closing = true;
    super.channelInactive(ctx);
  }

  /** Number of replies not sent yet. */
  int pending() {
    return queue.size();
  }

  private void scheduleDrain() {
    if (ctx.executor().inEventLoop() && !drainScheduled) {
      drainScheduled = true;
      ctx.executor().execute(this::drain);
    } else if (!ctx.executor().inEventLoop()) {
      ctx.executor().execute(this::scheduleDrain);
    }
  }

  private void drain() {
    drainScheduled = false;
    boolean wrote = false;
    while (!queue.isEmpty() && queue.peek().pending().reply().isDone()) {
      Slot slot = queue.poll();
      Reply reply = outcome(slot);
      if (reply.frame() != null) {
        lastWrite = ctx.write(reply.frame(), slot.promise());
        wrote = true;
      } else {
        slot.promise().trySuccess();
      }
      if (reply.closeAfter()) {
        closing = true;
        queue.clear();
      }
    }
    if (wrote) {
      ctx.flush();
    }
    if (closing && queue.isEmpty()) {
      // Closing at once would drop replies still in the socket buffer: close after the last one.
      if (lastWrite == null || lastWrite.isDone()) {
        ctx.close();
      } else {
        lastWrite.addListener(ChannelFutureListener.CLOSE);
      }
      return;
    }
    if (readPaused && queue.size() <= maxPending / 2) {
      readPaused = false;
      ReadPause.of(ctx.channel()).resume(ReadPause.Reason.BACKLOG);
    }
  }

  private Reply outcome(Slot slot) {
    try {
      return slot.pending().reply().join();
    } catch (RuntimeException e) {
      // A reply that failed means the receiver cannot say what happened: closing lets the
      // sender resend instead of waiting for an answer that will not come.
      LOG.error("closing connection peer={} reason=reply failed", ctx.channel().remoteAddress(), e);
      slot.promise().tryFailure(e);
      return Reply.close();
    }
  }
}
