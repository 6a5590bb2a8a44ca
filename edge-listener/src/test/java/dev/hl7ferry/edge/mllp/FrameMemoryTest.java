package dev.hl7ferry.edge.mllp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the decoder holds for a frame spanning reads, and that it reads nothing behind a pause: the
 * bytes the in-flight budget counts are the bytes held.
 */
class FrameMemoryTest {
  private static final int READ = 64 * 1024;

  private final EventRecorder recorder = new EventRecorder();
  private final ReadCounter reads = new ReadCounter();

  /** Counts read requests that reach the socket side of the decoder. */
  private static final class ReadCounter extends ChannelOutboundHandlerAdapter {
    int count;

    @Override
    public void read(ChannelHandlerContext ctx) {
      count++;
      ctx.read();
    }
  }

  private EmbeddedChannel channel() {
    return new EmbeddedChannel(reads, new MllpFrameDecoder(1 << 24, 64, false), recorder);
  }

  /** A pooled direct buffer of {@code READ} bytes holding {@code bytes}, as a socket read is. */
  private static ByteBuf read(byte[] bytes, int from, int length) {
    ByteBuf buf = PooledByteBufAllocator.DEFAULT.directBuffer(READ);
    buf.writeBytes(bytes, from, length);
    return buf;
  }

  /** What the last {@link FramingEvent.Held} so far said, -1 when none came. */
  private long lastHeld() {
    long held = -1;
    for (Object e : recorder.events) {
      if (e instanceof FramingEvent.Held h) {
        held = h.bytes();
      }
    }
    return held;
  }

  @Test
  void aFrameOverManyReadsIsHeldAsExactlyItsBytesAndTheReadBuffersAreReleased() {
    byte[] payload = new byte[10 * READ + 123];
    Arrays.fill(payload, (byte) 'A');
    byte[] wire = new byte[payload.length + 3];
    wire[0] = Mllp.START;
    System.arraycopy(payload, 0, wire, 1, payload.length);
    wire[wire.length - 2] = Mllp.END;
    wire[wire.length - 1] = Mllp.CR;
    EmbeddedChannel ch = channel();
    List<ByteBuf> sent = new ArrayList<>();
    List<Long> held = new ArrayList<>();
    int at = 0;
    while (at < wire.length) {
      int n = Math.min(READ, wire.length - at);
      ByteBuf buf = read(wire, at, n);
      sent.add(buf);
      ch.writeInbound(buf);
      held.add(lastHeld());
      at += n;
    }
    MllpFrame frame = assertInstanceOf(MllpFrame.class, ch.readInbound());
    assertArrayEquals(payload, frame.payload());
    for (ByteBuf buf : sent) {
      assertEquals(0, buf.refCnt(), "each read buffer is released once its bytes are copied");
    }
    // The first read is kept as it is (its whole buffer counted); from the second on the bytes
    // and what each piece costs beside them.
    assertEquals(READ, held.get(0));
    assertEquals(2L * READ - 1 + 2 * FrameCumulator.PIECE_OVERHEAD, held.get(1));
    assertEquals(10L * READ - 1 + 10 * FrameCumulator.PIECE_OVERHEAD, held.get(9));
    assertFalse(ch.finish());
  }

  @Test
  void aFrameTrickledByteByByteIsKeptInFewPiecesAndCountedWithThem() throws Exception {
    int length = 64 * 1024;
    EmbeddedChannel ch = channel();
    ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {Mllp.START}));
    for (int i = 0; i < length; i++) {
      ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {'x'}));
    }
    CompositeByteBuf pieces = assertInstanceOf(CompositeByteBuf.class, cumulation(ch));
    // Neighbouring pieces together exceed PIECE: fewer than two pieces per PIECE bytes.
    assertTrue(
        pieces.numComponents() <= 2 * length / FrameCumulator.PIECE + 1,
        pieces.numComponents() + " pieces");
    assertEquals(
        length + (long) pieces.numComponents() * FrameCumulator.PIECE_OVERHEAD, lastHeld());
    ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {Mllp.END, Mllp.CR}));
    MllpFrame frame = assertInstanceOf(MllpFrame.class, ch.readInbound());
    assertEquals(length, frame.payload().length);
    assertFalse(ch.finish());
  }

  /** The decoder's cumulation buffer (Netty keeps it private). */
  private static ByteBuf cumulation(EmbeddedChannel ch) throws Exception {
    Field f = ByteToMessageDecoder.class.getDeclaredField("cumulation");
    f.setAccessible(true);
    return (ByteBuf) f.get(ch.pipeline().get(MllpFrameDecoder.class));
  }

  @Test
  void aPausedConnectionIsNotReadFromAgainWhenAReadEndsInsideAFrame() {
    EmbeddedChannel ch = channel();
    ch.config().setAutoRead(false);
    int before = reads.count;
    byte[] part = new byte[] {Mllp.START, 'M', 'S', 'H'};
    ch.writeInbound(read(part, 0, part.length));
    assertNull(ch.readInbound());
    assertEquals(before, reads.count, "no read is asked for behind the pause");
    ch.config().setAutoRead(true);
    assertTrue(reads.count > before, "turning autoRead on reads again");
    assertFalse(ch.finish());
  }
}
