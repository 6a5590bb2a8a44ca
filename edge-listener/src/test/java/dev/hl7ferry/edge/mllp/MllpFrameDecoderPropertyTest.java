package dev.hl7ferry.edge.mllp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

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
  private static Arbitrary<byte[]> payload() {
    return Arbitraries.bytes()
        .filter(b -> b != Mllp.START && b != Mllp.END)
        .array(byte[].class)
        .ofMaxSize(MAX + 100);
  }

  @Provide
  static Arbitrary<List<byte[]>> payloads() {
    return payload().list().ofMaxSize(8);
  }

  /** Bytes between frames: anything but a start block (CR, LF, NUL, stray end blocks). */
  @Provide
  static Arbitrary<byte[]> junk() {
    return Arbitraries.oneOf(
        Arbitraries.just(new byte[0]),
        Arbitraries.bytes().filter(b -> b != Mllp.START).array(byte[].class).ofMaxSize(20));
  }

  @Provide
  static Arbitrary<byte[]> stream() {
    return Arbitraries.oneOf(
        Arbitraries.bytes().array(byte[].class).ofMaxSize(6000),
        Arbitraries.bytes().between((byte) 0x0B, (byte) 0x1C).array(byte[].class).ofMaxSize(3000),
        Arbitraries.of(Mllp.START, Mllp.END, Mllp.CR, (byte) 'M', (byte) 0)
            .array(byte[].class)
            .ofMaxSize(3000));
  }

  @Property
  void framesOutEqualFramesInForAnySplit(
      @ForAll("payloads") List<byte[]> payloads,
      @ForAll("junk") byte[] junk,
      @ForAll boolean allowMissingCr,
      @ForAll long splitSeed) {
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
  }

  @Property
  void anyByteStreamDecodesWithoutAnExceptionAndWithinTheLimit(
      @ForAll("stream") byte[] stream, @ForAll boolean allowMissingCr, @ForAll long splitSeed) {
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
  }

  @Property
  void anOversizedFrameIsDiscardedWithoutBeingHeld(
      @ForAll @IntRange(min = MAX + 1, max = 50 * MAX) int length,
      @ForAll @IntRange(min = 1, max = 700) int chunk) {
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
