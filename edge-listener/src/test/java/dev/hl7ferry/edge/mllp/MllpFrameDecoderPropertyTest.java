package dev.hl7ferry.edge.mllp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.hl7ferry.core.fuzz.Fuzz;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The MLLP decoder under any stream cut at any points: frames out equal frames in (oversized ones
 * reported with their head and length), arbitrary bytes never raise an exception, and what the
 * decoder holds between reads stays within the frame limit.
 */
class MllpFrameDecoderPropertyTest {
  private static final int MAX = 1024;
  private static final int HEAD = 64;
  private static final Duration LIMIT = Duration.ofSeconds(5);

  /** A payload without block characters, sometimes longer than the limit. */
  private static byte[] payload(Fuzz fuzz) {
    return fuzz.bytes(MAX + 100, b -> b != (Mllp.START & 0xFF) && b != (Mllp.END & 0xFF));
  }

  /** Bytes between frames: anything but a start block (CR, LF, NUL, stray end blocks). */
  private static byte[] junk(Fuzz fuzz) {
    return fuzz.bool() ? new byte[0] : fuzz.bytes(20, b -> b != (Mllp.START & 0xFF));
  }

  /** Any bytes, bytes among the block characters, or only block characters, CR, 'M' and NUL. */
  private static byte[] stream(Fuzz fuzz) {
    return switch (fuzz.between(0, 2)) {
      case 0 -> fuzz.bytes(6000);
      case 1 -> fuzz.bytes(3000, b -> b >= 0x0B && b <= 0x1C);
      default -> fuzz.bytesOf(new byte[] {Mllp.START, Mllp.END, Mllp.CR, (byte) 'M', 0}, 3000);
    };
  }

  @Test
  void framesOutEqualFramesInForAnySplit() {
    Fuzz.forAll(
        fuzz -> {
          List<byte[]> payloads = fuzz.list(8, () -> payload(fuzz));
          byte[] junk = junk(fuzz);
          boolean allowMissingCr = fuzz.bool();
          long splitSeed = fuzz.anyLong();
          ByteArrayOutputStream wire = new ByteArrayOutputStream();
          for (byte[] p : payloads) {
            wire.writeBytes(junk);
            wire.write(Mllp.START);
            wire.writeBytes(p);
            wire.write(Mllp.END);
            wire.write(Mllp.CR);
          }
          List<Object> out =
              assertTimeoutPreemptively(
                  LIMIT, () -> decode(wire.toByteArray(), splitSeed, allowMissingCr));
          assertEquals(payloads.size(), out.size());
          for (int i = 0; i < payloads.size(); i++) {
            byte[] in = payloads.get(i);
            if (in.length <= MAX) {
              assertArrayEquals(in, ((MllpFrame) out.get(i)).payload(), "frame " + i);
            } else {
              OversizedFrame big = (OversizedFrame) out.get(i);
              assertEquals(in.length, big.length(), "frame " + i);
              assertArrayEquals(Arrays.copyOf(in, HEAD), big.head(), "frame " + i);
              assertEquals(MAX, big.limit());
            }
          }
        });
  }

  @Test
  void anyByteStreamDecodesWithoutAnExceptionAndWithinTheLimit() {
    Fuzz.forAll(
        fuzz -> {
          byte[] stream = stream(fuzz);
          boolean allowMissingCr = fuzz.bool();
          long splitSeed = fuzz.anyLong();
          List<Object> out =
              assertTimeoutPreemptively(LIMIT, () -> decode(stream, splitSeed, allowMissingCr));
          for (Object o : out) {
            if (o instanceof MllpFrame f) {
              assertTrue(f.payload().length <= MAX);
            } else if (o instanceof OversizedFrame big) {
              assertEquals(HEAD, big.head().length);
              assertTrue(big.length() > MAX);
            } else {
              fail("unexpected " + o);
            }
          }
        });
  }

  @Test
  void anOversizedFrameIsDiscardedWithoutBeingHeld() {
    Fuzz.forAll(
        fuzz -> {
          int length = fuzz.between(MAX + 1, 50 * MAX);
          int chunk = fuzz.between(1, 700);
          byte[] wire = new byte[length + 3];
          Arrays.fill(wire, (byte) 'x');
          wire[0] = Mllp.START;
          wire[length + 1] = Mllp.END;
          wire[length + 2] = Mllp.CR;
          EmbeddedChannel ch = new EmbeddedChannel(new MllpFrameDecoder(MAX, HEAD, false));
          for (int at = 0; at < wire.length; at += chunk) {
            ch.writeInbound(Unpooled.wrappedBuffer(wire, at, Math.min(chunk, wire.length - at)));
            assertTrue(held(ch) <= MAX + chunk, "held " + held(ch));
          }
          OversizedFrame big = ch.readInbound();
          assertEquals(length, big.length());
          assertFalse(ch.finish());
        });
  }

  /**
   * Found by {@link #framesOutEqualFramesInForAnySplit} (seed -6051702093584620943): a frame over
   * the limit whose 0x1C ended a read was held whole while its CR was awaited.
   */
  @Test
  void anOversizedFrameWaitingForTheCrOfItsEndBlockIsNotHeld() {
    byte[] first = new byte[MAX + 48];
    Arrays.fill(first, (byte) 'x');
    first[0] = Mllp.START;
    first[first.length - 1] = Mllp.END;
    EmbeddedChannel ch = new EmbeddedChannel(new MllpFrameDecoder(MAX, HEAD, false));
    ch.writeInbound(Unpooled.wrappedBuffer(first));
    assertTrue(held(ch) <= MAX + 2, "held " + held(ch));
    ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {Mllp.CR}));
    OversizedFrame big = ch.readInbound();
    assertEquals(first.length - 2, big.length());
    assertArrayEquals(Arrays.copyOfRange(first, 1, 1 + HEAD), big.head());
    assertFalse(ch.finish());
  }

  /** Feeds {@code wire} in random pieces and returns everything decoded. */
  private static List<Object> decode(byte[] wire, long splitSeed, boolean allowMissingCr) {
    EmbeddedChannel ch = new EmbeddedChannel(new MllpFrameDecoder(MAX, HEAD, allowMissingCr));
    Random random = new Random(splitSeed);
    List<Object> out = new ArrayList<>();
    int at = 0;
    while (at < wire.length) {
      int n = 1 + random.nextInt(random.nextBoolean() ? 8 : 700);
      n = Math.min(n, wire.length - at);
      ch.writeInbound(Unpooled.wrappedBuffer(wire, at, n));
      at += n;
      // A pending frame may hold up to the limit plus a 0x1C waiting for its CR, never more.
      assertTrue(held(ch) <= MAX + 2, "held " + held(ch));
      for (Object o; (o = ch.readInbound()) != null; ) {
        out.add(o);
      }
    }
    ch.finishAndReleaseAll();
    return out;
  }

  /** Readable bytes in the decoder's cumulation buffer (Netty keeps it private). */
  private static int held(EmbeddedChannel ch) {
    try {
      Field f = ByteToMessageDecoder.class.getDeclaredField("cumulation");
      f.setAccessible(true);
      ByteBuf cumulation = (ByteBuf) f.get(ch.pipeline().get(MllpFrameDecoder.class));
      return cumulation == null ? 0 : cumulation.readableBytes();
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }
}
