package dev.hl7ferry.edge.receive;

import dev.hl7ferry.core.ack.Ack;
import dev.hl7ferry.core.ack.AckBuilder;
import dev.hl7ferry.core.ack.AckOutcome;
import dev.hl7ferry.core.charset.CharsetPolicy;
import dev.hl7ferry.core.charset.DecodedMessage;
import dev.hl7ferry.core.charset.MessageDecoder;
import dev.hl7ferry.core.error.ErrorCode;
import dev.hl7ferry.core.error.Hl7Error;
import dev.hl7ferry.core.error.Hl7ParseException;
import dev.hl7ferry.core.message.MessageHeader;
import dev.hl7ferry.edge.mllp.MllpFrame;
import dev.hl7ferry.edge.mllp.OversizedFrame;
import dev.hl7ferry.edge.spool.IncomingMessage;
import dev.hl7ferry.edge.spool.Spool;
import dev.hl7ferry.edge.spool.SpoolRejectedException;
import dev.hl7ferry.edge.spool.StoreResult;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns each received frame into a {@link PendingReply}: reads MSH from the bytes, decodes per
 * MSH-18, checks the minimum (MSH-9, MSH-10), stores the message and, only once the store has
 * committed, answers AA/CA. A store refusal is answered AR/CR with ERR 207; unreadable HL7 gets
 * AR/CR (no MSH at all) or AE/CE (MSH readable, content wrong) with the parser's ERR code; an
 * oversized frame gets AR/CR with ERR 104 when its MSH is readable, else the connection closes.
 * Enhanced-mode MSH-15 (NE/ER/SU) decides whether an acknowledgement is sent at all. Logs one line
 * per negative acknowledgement, never message content.
 */
public final class ReceiveHandler extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(ReceiveHandler.class);

  private final Spool spool;
  private final MessageDecoder decoder;
  private final CharsetPolicy policy;
  private final AckBuilder acks;
  private final Clock clock;
  private final AckGate gate;
  private boolean closing;

  /** A receiver that acknowledges right after the commit and ships nothing (spool only). */
  public ReceiveHandler(Spool spool, CharsetPolicy policy, AckBuilder acks, Clock clock) {
    this(spool, policy, acks, clock, AckGate.SPOOL_ONLY);
  }

  /**
   * @param gate what a committed store waits for before its positive ACK (ack-after spool|cloud)
   */
  public ReceiveHandler(
      Spool spool, CharsetPolicy policy, AckBuilder acks, Clock clock, AckGate gate) {
    this.spool = spool;
    this.decoder = new MessageDecoder(policy);
    this.policy = policy;
    this.acks = acks;
    this.clock = clock;
    this.gate = gate;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (closing) {
      return; // the connection is closing after an unreadable oversized frame
    }
    if (msg instanceof MllpFrame frame) {
      ctx.write(new PendingReply(receive(ctx, frame.payload())));
    } else if (msg instanceof OversizedFrame oversized) {
      ctx.write(PendingReply.of(oversized(ctx, oversized)));
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

  private CompletableFuture<Reply> receive(ChannelHandlerContext ctx, byte[] payload) {
    String peer = peer(ctx);
    DecodedMessage decoded;
    MessageHeader header;
    try {
      decoded = decoder.decode(payload);
      header = decoded.message().header().requireMinimum();
    } catch (Hl7ParseException e) {
      return CompletableFuture.completedFuture(unreadable(peer, e));
    }
    Charset charset = decoded.charset();
    IncomingMessage message =
        new IncomingMessage(
            payload,
            charset.name(),
            header.sendingApplication(),
            header.sendingFacility(),
            header.receivingApplication(),
            header.receivingFacility(),
            header.messageType(),
            header.controlId(),
            header.processingId(),
            header.versionId(),
            peer,
            clock.instant());
    CompletableFuture<StoreResult> stored;
    try {
      // Completes on this channel's event loop, so the ACK is built there without another hop.
      stored = spool.store(message, ctx.executor());
    } catch (RuntimeException e) {
      stored = CompletableFuture.failedFuture(e);
    }
    CompletableFuture<StoreResult> gated = gate.after(stored);
    if (gate.confirmsAtCommit()) {
      // The spool completes on this channel's event loop: build the ACK right here.
      return gated.handle((result, error) -> afterStore(peer, header, charset, result, error));
    }
    // A cloud confirmation arrives on the shipper's thread: hop back to the event loop.
    return gated.handleAsync(
        (result, error) -> afterStore(peer, header, charset, result, error), ctx.executor());
  }

  private Reply afterStore(
      String peer, MessageHeader header, Charset charset, StoreResult result, Throwable error) {
    if (error == null) {
      // A reused control id is logged by the spool's index, where it is found.
      return reply(header, AckOutcome.ACCEPT, acks.accept(header), charset);
    }
    Throwable cause =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (cause instanceof NotConfirmedException unconfirmed) {
      String reason = unconfirmed.getMessage();
      Ack ack =
          acks.internalError(
              header,
              "message stored but "
                  + reason
                  + "; it stays queued and will be delivered, a resend is safe");
      LOG.warn(
          "nak peer={} controlId={} code={} id={} reason={}",
          peer,
          ack.acknowledgedControlId(),
          ack.code(),
          unconfirmed.stored().id(),
          reason);
      return reply(header, AckOutcome.REJECT, ack, charset);
    }
    String reason;
    if (cause instanceof SpoolRejectedException rejected) {
      reason = "spool rejected: " + rejected.reason();
    } else {
      reason = "store failed: " + cause.getClass().getSimpleName();
      LOG.error("store failed peer={} controlId={}", peer, header.controlId(), cause);
    }
    Ack ack = acks.internalError(header, "message not stored, " + reason);
    logNak(peer, ack, reason);
    return reply(header, AckOutcome.REJECT, ack, charset);
  }

  private Reply unreadable(String peer, Hl7ParseException e) {
    AckOutcome outcome = e.partialHeader().isPresent() ? AckOutcome.ERROR : AckOutcome.REJECT;
    Ack ack = acks.reject(e, outcome);
    logNak(peer, ack, e.getMessage());
    Charset charset =
        e.partialHeader()
            .map(h -> policy.resolve(h.characterSet()).charset())
            .orElse(StandardCharsets.ISO_8859_1);
    return e.partialHeader()
        .map(h -> reply(h, outcome, ack, charset))
        .orElseGet(() -> Reply.send(ack.bytes(charset)));
  }

  private Reply oversized(ChannelHandlerContext ctx, OversizedFrame frame) {
    String peer = peer(ctx);
    String reason = "frame of " + frame.length() + " bytes exceeds limit of " + frame.limit();
    MessageHeader header;
    try {
      header = MessageDecoder.readHeader(frame.head(), 0, frame.head().length).requireMinimum();
    } catch (Hl7ParseException e) {
      LOG.warn("closing connection peer={} reason={} without a readable MSH", peer, reason);
      closing = true;
      ctx.channel().config().setAutoRead(false);
      return Reply.close();
    }
    Ack ack =
        acks.build(
            header,
            AckOutcome.REJECT,
            Hl7Error.error(ErrorCode.VALUE_TOO_LONG, null, "message too large, " + reason));
    logNak(peer, ack, reason);
    return reply(header, AckOutcome.REJECT, ack, policy.resolve(header.characterSet()).charset());
  }

  private static Reply reply(MessageHeader header, AckOutcome outcome, Ack ack, Charset charset) {
    return AckBuilder.shouldSend(header, outcome) ? Reply.send(ack.bytes(charset)) : Reply.none();
  }

  private static void logNak(String peer, Ack ack, String reason) {
    LOG.warn(
        "nak peer={} controlId={} code={} reason={}",
        peer,
        ack.acknowledgedControlId(),
        ack.code(),
        reason);
  }

  private static String peer(ChannelHandlerContext ctx) {
    return String.valueOf(ctx.channel().remoteAddress());
  }
}
