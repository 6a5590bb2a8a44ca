package dev.hl7ferry.edge.receive;

import dev.hl7ferry.core.charset.CharsetPolicy;
import dev.hl7ferry.core.charset.DecodedMessage;
import dev.hl7ferry.core.charset.MessageDecoder;
import dev.hl7ferry.core.error.Hl7ParseException;
import dev.hl7ferry.core.message.MessageHeader;
import dev.hl7ferry.edge.events.EdgeEvents;
import dev.hl7ferry.edge.mllp.MllpFrame;
import dev.hl7ferry.edge.mllp.OversizedFrame;
import dev.hl7ferry.edge.mllp.ReadPause;
import dev.hl7ferry.edge.spool.IncomingMessage;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.nio.charset.Charset;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads each frame as HL7: MSH from the bytes, decoding per MSH-18, the minimum (MSH-9, MSH-10). A
 * readable message goes on as a {@link ParsedMessage}; an unreadable one, or one whose MSH-10 is
 * longer than 199 characters, is answered here with a NAK ({@link AckReplies}). An oversized frame
 * gets AR/CR when its MSH is readable, else the connection closes and later frames are dropped. One
 * instance per connection.
 */
public final class MessageReader extends ChannelInboundHandlerAdapter {
  /**
   * The receive path's logger name, unchanged since reading, storing and replies were one class.
   */
  static final String LOGGER = "dev.hl7ferry.edge.receive.ReceiveHandler";

  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

  private final MessageDecoder decoder;
  private final AckReplies replies;
  private final Clock clock;
  private final EdgeEvents events;
  private boolean closing;

  public MessageReader(CharsetPolicy policy, AckReplies replies, Clock clock) {
    this(policy, replies, clock, EdgeEvents.NONE);
  }

  /**
   * @param events told of every frame that arrives
   */
  public MessageReader(CharsetPolicy policy, AckReplies replies, Clock clock, EdgeEvents events) {
    this.decoder = new MessageDecoder(policy);
    this.replies = replies;
    this.clock = clock;
    this.events = events;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (closing) {
      return; // the connection is closing after an unreadable oversized frame
    }
    if (msg instanceof MllpFrame frame) {
      events.received();
      read(ctx, frame.payload());
    } else if (msg instanceof OversizedFrame oversized) {
      events.received();
      ctx.write(PendingReply.of(oversized(ctx, oversized)));
    } else {
      ctx.fireChannelRead(msg);
    }
  }

  private void read(ChannelHandlerContext ctx, byte[] payload) {
    String peer = SpoolHandoff.peer(ctx);
    DecodedMessage decoded;
    MessageHeader header;
    try {
      decoded = decoder.decode(payload);
      header = decoded.message().header().requireMinimum();
    } catch (Hl7ParseException e) {
      ctx.write(PendingReply.of(replies.unreadable(peer, e)));
      return;
    }
    Charset charset = decoded.charset();
    if (header.controlId().length() > AckReplies.MAX_CONTROL_ID) {
      ctx.write(PendingReply.of(replies.controlIdTooLong(peer, header, charset)));
      return;
    }
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
    ctx.fireChannelRead(new ParsedMessage(message, header, charset));
  }

  private Reply oversized(ChannelHandlerContext ctx, OversizedFrame frame) {
    String peer = SpoolHandoff.peer(ctx);
    String reason = "frame of " + frame.length() + " bytes exceeds limit of " + frame.limit();
    MessageHeader header;
    try {
      header = MessageDecoder.readHeader(frame.head(), 0, frame.head().length).requireMinimum();
    } catch (Hl7ParseException e) {
      LOG.warn("closing connection peer={} reason={} without a readable MSH", peer, reason);
      closing = true;
      ReadPause.of(ctx.channel()).pause(ReadPause.Reason.CLOSING);
      return replies.closeOversized();
    }
    return replies.oversized(peer, header, reason);
  }
}
