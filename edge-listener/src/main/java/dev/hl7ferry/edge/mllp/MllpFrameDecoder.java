package dev.hl7ferry.edge.mllp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.util.ByteProcessor;
import java.util.List;

/**
 * Cuts a byte stream into MLLP frames.
 *
 * <pre>
 *   junk | 0x0B | payload ............ | 0x1C | 0x0D | junk | 0x0B | payload ...
 *          start                         end block
 * </pre>
 *
 * <p>Emits {@link MllpFrame} for each complete frame and {@link OversizedFrame} for a frame longer
 * than {@code maxFrameBytes} (its head is kept, the rest discarded up to the end block, so memory
 * stays bounded). Bytes outside frames are skipped and reported as {@link
 * FramingEvent.BytesSkipped}; a start block inside an unfinished frame abandons that partial frame
 * (also reported as skipped). While a frame is incomplete at the end of a read, {@link
 * FramingEvent#PENDING} is fired so a timeout can watch it, after {@link FramingEvent.Held} with
 * the bytes held for it (the in-flight budget counts them). A frame spanning reads is kept on the
 * heap in pieces of exactly the bytes read ({@link FrameCumulator}), and a connection that stopped
 * reading (autoRead off) is not read from again behind its back. With {@code allowMissingCr} a lone
 * {@code 0x1C} ends a frame (for senders that omit the CR); otherwise a {@code 0x1C} not followed
 * by {@code 0x0D} is payload. Scanning resumes where the previous read stopped, so a large frame
 * split over many reads costs linear time.
 */
public final class MllpFrameDecoder extends ByteToMessageDecoder {
  private static final ByteProcessor FIND_BLOCK = b -> b != Mllp.END && b != Mllp.START;

  private final int maxFrameBytes;
  private final int headBytes;
  private final boolean allowMissingCr;

  private boolean inFrame;
  private int scanned;
  private boolean discarding;
  private long discarded;
  private byte[] head;
  private boolean crMayFollow;

  /**
   * @param maxFrameBytes largest payload accepted whole
   * @param headBytes how much of an oversized payload to keep for its header
   * @param allowMissingCr accept {@code 0x1C} alone as the end block
   */
  public MllpFrameDecoder(int maxFrameBytes, int headBytes, boolean allowMissingCr) {
    if (maxFrameBytes < 1 || headBytes < 1) {
      throw new IllegalArgumentException("maxFrameBytes and headBytes must be positive");
    }
    this.maxFrameBytes = maxFrameBytes;
    this.headBytes = Math.min(headBytes, maxFrameBytes);
    this.allowMissingCr = allowMissingCr;
    setCumulator(new FrameCumulator());
  }

  /**
   * Netty's decoder asks for another read when a read ended without a complete frame although
   * autoRead is off, so a paused connection (the in-flight budget, replies backing up) would go on
   * reading its unfinished frame: with autoRead off nothing more is read until it is on again.
   */
  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) throws Exception {
    if (ctx.channel().config().isAutoRead()) {
      super.channelReadComplete(ctx);
      return;
    }
    discardSomeReadBytes();
    ctx.fireChannelReadComplete();
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (!inFrame && !skipToStart(ctx, in)) {
      return;
    }
    if (discarding) {
      discard(ctx, in, out);
    } else {
      scan(ctx, in, out);
    }
  }

  /** Skips bytes up to and including the next start block; false when none is readable yet. */
  private boolean skipToStart(ChannelHandlerContext ctx, ByteBuf in) {
    int from = in.readerIndex();
    int start = in.indexOf(from, in.writerIndex(), Mllp.START);
    int stop = start < 0 ? in.writerIndex() : start;
    int skipped = stop - from;
    if (skipped > 0 && crMayFollow && in.getByte(from) == Mllp.CR) {
      skipped--; // the CR of an end block that arrived after its 0x1C
    }
    if (stop > from) {
      crMayFollow = false;
    }
    if (skipped > 0) {
      ctx.fireUserEventTriggered(new FramingEvent.BytesSkipped(skipped));
    }
    in.readerIndex(stop);
    if (start < 0) {
      return false;
    }
    in.skipBytes(1);
    inFrame = true;
    crMayFollow = false;
    scanned = 0;
    return true;
  }

  private void scan(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    int from = in.readerIndex();
    while (true) {
      int at = in.forEachByte(from + scanned, in.writerIndex() - from - scanned, FIND_BLOCK);
      if (at < 0) {
        scanned = in.writerIndex() - from;
        if (scanned > maxFrameBytes) {
          startDiscarding(in, scanned);
        }
        pending(ctx, in);
        return;
      }
      if (in.getByte(at) == Mllp.START) {
        // A new frame starts before this one ended: the partial frame is abandoned.
        ctx.fireUserEventTriggered(new FramingEvent.BytesSkipped(at - from + 1));
        in.readerIndex(at + 1);
        from = at + 1;
        scanned = 0;
        continue;
      }
      int endLength = endBlockLength(in, at);
      if (endLength == 0) {
        scanned = at + 1 - from;
        continue;
      }
      if (endLength < 0) {
        if (at - from > maxFrameBytes) {
          // Already too long whatever follows the 0x1C: keep its head only, not the whole frame.
          startDiscarding(in, at - from);
        } else {
          scanned = at - from; // wait for the byte after 0x1C
        }
        pending(ctx, in);
        return;
      }
      int length = at - from;
      if (length > maxFrameBytes) {
        byte[] kept = new byte[headBytes];
        in.getBytes(from, kept);
        out.add(new OversizedFrame(kept, length, maxFrameBytes));
        in.skipBytes(length);
      } else {
        byte[] payload = new byte[length];
        in.readBytes(payload);
        out.add(new MllpFrame(payload));
      }
      finishFrame(in, endLength);
      return;
    }
  }

  /**
   * Length of the end block at {@code at} (a 0x1C): 2 with its CR, 1 when the CR may be missing, 0
   * when the 0x1C is payload, -1 when the next byte has not arrived yet.
   */
  private int endBlockLength(ByteBuf in, int at) {
    if (at + 1 >= in.writerIndex()) {
      return allowMissingCr ? 1 : -1;
    }
    if (in.getByte(at + 1) == Mllp.CR) {
      return 2;
    }
    return allowMissingCr ? 1 : 0;
  }

  private void startDiscarding(ByteBuf in, int length) {
    head = new byte[headBytes];
    in.readBytes(head);
    in.skipBytes(length - headBytes);
    discarded = length;
    discarding = true;
    scanned = 0;
  }

  private void discard(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    int from = in.readerIndex();
    int at = in.indexOf(from + scanned, in.writerIndex(), Mllp.END);
    int endLength = 0;
    while (at >= 0 && (endLength = endBlockLength(in, at)) == 0) {
      at = in.indexOf(at + 1, in.writerIndex(), Mllp.END);
    }
    if (at < 0 || endLength < 0) {
      int drop = (at < 0 ? in.writerIndex() : at) - from;
      discarded += drop;
      in.skipBytes(drop);
      scanned = 0;
      pending(ctx, in);
      return;
    }
    discarded += at - from;
    in.readerIndex(at);
    out.add(new OversizedFrame(head, discarded, maxFrameBytes));
    head = null;
    discarding = false;
    finishFrame(in, endLength);
  }

  private void pending(ChannelHandlerContext ctx, ByteBuf in) {
    dropRead(in);
    long held = FrameCumulator.held(in) + (head == null ? 0 : head.length);
    ctx.fireUserEventTriggered(new FramingEvent.Held(held));
    ctx.fireUserEventTriggered(FramingEvent.PENDING);
  }

  /** Pieces of a frame already taken (or skipped) go now, not some reads later. */
  private static void dropRead(ByteBuf in) {
    if (in instanceof CompositeByteBuf pieces) {
      pieces.discardReadComponents();
    }
  }

  private void finishFrame(ByteBuf in, int endLength) {
    in.skipBytes(endLength);
    dropRead(in);
    crMayFollow = endLength == 1;
    inFrame = false;
    scanned = 0;
  }
}
