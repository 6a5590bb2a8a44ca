package dev.hl7ferry.edge.sink;

import dev.hl7ferry.core.ack.Ack;
import dev.hl7ferry.core.ack.AckBuilder;
import dev.hl7ferry.core.ack.AckOutcome;
import dev.hl7ferry.core.error.ErrorCode;
import dev.hl7ferry.core.error.Hl7Error;
import dev.hl7ferry.core.error.Hl7ParseException;
import dev.hl7ferry.core.log.LogSafe;
import dev.hl7ferry.core.message.Hl7Message;
import dev.hl7ferry.core.message.MessageHeader;
import dev.hl7ferry.edge.deliver.AtomicFiles;
import dev.hl7ferry.edge.mllp.MllpFrame;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each received message as a file and answers with the configured ACK code. Runs on a
 * separate executor, never the event loop (it fsyncs). A message that cannot be parsed gets an AR
 * and no file; a file that cannot be written gets an AR. Bytes are kept as received (read as
 * ISO-8859-1, one char per byte).
 */
@Sharable
final class SinkHandler extends SimpleChannelInboundHandler<MllpFrame> {
  private static final Logger LOG = LoggerFactory.getLogger(SinkHandler.class);

  private final Path dir;
  private final AckOutcome outcome;
  private final AckBuilder acks;
  private final AtomicLong sequence = new AtomicLong();
  private final AtomicLong written = new AtomicLong();
  private volatile Consumer<byte[]> listener = payload -> {};

  SinkHandler(Path dir, AckOutcome outcome, AckBuilder acks) {
    this.dir = dir;
    this.outcome = outcome;
    this.acks = acks;
  }

  long written() {
    return written.get();
  }

  void listener(Consumer<byte[]> onStored) {
    this.listener = onStored;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, MllpFrame frame) {
    String text = new String(frame.payload(), StandardCharsets.ISO_8859_1);
    Ack ack;
    try {
      MessageHeader header = Hl7Message.parse(text).header();
      ack = store(header, frame.payload());
    } catch (Hl7ParseException e) {
      LOG.warn("unreadable message of {} bytes: {}", frame.payload().length, e.getMessage());
      ack = acks.reject(e, AckOutcome.REJECT);
    }
    ctx.writeAndFlush(new MllpFrame(ack.bytes(StandardCharsets.ISO_8859_1)));
  }

  private Ack store(MessageHeader header, byte[] payload) {
    long n = sequence.incrementAndGet();
    if (dir != null) {
      String name = fileName(header.controlId(), n);
      try {
        AtomicFiles.write(dir, name, payload);
      } catch (IOException e) {
        LOG.error("cannot write {} for control id {}", name, LogSafe.text(header.controlId()), e);
        return acks.internalError(header, "sink cannot store the message");
      }
      LOG.info(
          "received control id {} ({} bytes) as {}",
          LogSafe.text(header.controlId()),
          payload.length,
          name);
    }
    written.incrementAndGet();
    listener.accept(payload);
    if (outcome == AckOutcome.ACCEPT) {
      return acks.accept(header);
    }
    return acks.build(
        header,
        outcome,
        Hl7Error.error(ErrorCode.APPLICATION_INTERNAL_ERROR, null, "sink answers as configured"));
  }

  /** {@code <controlId>-<sequence>.hl7}, the control id reduced to safe characters. */
  static String fileName(String controlId, long sequence) {
    String safe = controlId.replaceAll("[^A-Za-z0-9_-]", "_");
    if (safe.isEmpty()) {
      safe = "nocontrolid";
    }
    if (safe.length() > 64) {
      safe = safe.substring(0, 64);
    }
    return safe + "-" + String.format("%08d", sequence) + ".hl7";
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    LOG.warn("sink connection {} failed, closing", ctx.channel().remoteAddress(), cause);
    ctx.close();
  }
}
