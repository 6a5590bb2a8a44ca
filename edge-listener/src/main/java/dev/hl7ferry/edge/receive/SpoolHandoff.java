package dev.hl7ferry.edge.receive;

import dev.hl7ferry.edge.events.EdgeEvents;
import dev.hl7ferry.edge.spool.Spool;
import dev.hl7ferry.edge.spool.StoreResult;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each {@link ParsedMessage} to the spool and writes its {@link PendingReply}: answered (by
 * {@link AckReplies}) only once the store committed and the {@link AckGate} let it through. The
 * last handler: a broken connection or a handler failure ends here with one log line and a close.
 */
public final class SpoolHandoff extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(MessageReader.LOGGER);

  private final Spool spool;
  private final AckGate gate;
  private final AckReplies replies;
  private final EdgeEvents events;

  public SpoolHandoff(Spool spool, AckGate gate, AckReplies replies) {
    this(spool, gate, replies, EdgeEvents.NONE);
  }

  /**
   * @param gate what a committed store waits for before its positive ACK (ack-after spool|cloud)
   * @param events told how long each stored message waited for its answer
   */
  public SpoolHandoff(Spool spool, AckGate gate, AckReplies replies, EdgeEvents events) {
    this.spool = spool;
    this.gate = gate;
    this.replies = replies;
    this.events = events;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof ParsedMessage parsed) {
      ctx.write(new PendingReply(store(ctx, parsed)));
    } else {
      ctx.fireChannelRead(msg);
    }
  }

  /**
   * The last handler: a broken connection (reset by the peer) or a handler failure ends here with
   * one log line (no content) and a close; the sender resends what it has no ACK for.
   */
  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof java.io.IOException) {
      LOG.info("closing connection peer={} reason={}", peer(ctx), cause.toString());
    } else {
      LOG.error("closing connection peer={} reason=handler failure", peer(ctx), cause);
    }
    ctx.close();
  }

  private CompletableFuture<Reply> store(ChannelHandlerContext ctx, ParsedMessage parsed) {
    long start = System.nanoTime();
    CompletableFuture<StoreResult> stored;
    try {
      // Completes on this channel's event loop, so the ACK is built there without another hop.
      stored = spool.store(parsed.message(), ctx.executor());
    } catch (RuntimeException e) {
      stored = CompletableFuture.failedFuture(e);
    }
    CompletableFuture<StoreResult> gated = gate.after(stored);
    if (gate.confirmsAtCommit()) {
      // The spool completes on this channel's event loop: build the ACK right here.
      return gated.handle((result, error) -> answer(start, parsed, result, error));
    }
    // A cloud confirmation arrives on the shipper's thread: hop back to the event loop.
    return gated.handleAsync(
        (result, error) -> answer(start, parsed, result, error), ctx.executor());
  }

  private Reply answer(long start, ParsedMessage parsed, StoreResult result, Throwable error) {
    Reply reply =
        replies.afterStore(
            parsed.message().peer(), parsed.header(), parsed.charset(), result, error);
    events.acknowledged(System.nanoTime() - start);
    return reply;
  }

  static String peer(ChannelHandlerContext ctx) {
    return String.valueOf(ctx.channel().remoteAddress());
  }
}
