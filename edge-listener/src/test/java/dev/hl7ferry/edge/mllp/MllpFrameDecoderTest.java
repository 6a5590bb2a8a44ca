package dev.hl7ferry.edge.mllp;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MllpFrameDecoderTest {
  private final EventRecorder recorder = new EventRecorder();

  private EmbeddedChannel channel(int max, boolean allowMissingCr) {
    return new EmbeddedChannel(new MllpFrameDecoder(max, 64, allowMissingCr), recorder);
  }

  private static byte[] frame(String payload) {
    return ("\u000b" + payload + "\u001c\r").getBytes(ISO_8859_1);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  private static String payload(Object msg) {
    return new String(assertInstanceOf(MllpFrame.class, msg).payload(), ISO_8859_1);
  }

  @Test
  void decodesSeveralFramesArrivingInOneRead() {
    EmbeddedChannel ch = channel(1024, false);
    ch.writeInbound(Unpooled.wrappedBuffer(concat(frame("MSH|one"), frame("MSH|two"))));
    assertEquals("MSH|one", payload(ch.readInbound()));
    assertEquals("MSH|two", payload(ch.readInbound()));
    assertNull(ch.readInbound());
    assertEquals(0, recorder.skipped());
    assertFalse(ch.finish());
  }

  @Test
  void reassemblesAFrameSplitOverManyReadsOneByteAtATime() {
    EmbeddedChannel ch = channel(1024, false);
    byte[] bytes = frame("MSH|^~\\&|split\rPID|1");
    for (byte b : bytes) {
      ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
    }
    assertEquals("MSH|^~\\&|split\rPID|1", payload(ch.readInbound()));
    assertTrue(recorder.events.contains(FramingEvent.PENDING));
    assertFalse(ch.finish());
  }

  @Test
  void waitsWhenTheEndBlockIsSplitBetweenReads() {
    EmbeddedChannel ch = channel(1024, false);
    ch.writeInbound(Unpooled.wrappedBuffer("\u000bMSH|a\u001c".getBytes(ISO_8859_1)));
    assertNull(ch.readInbound());
    ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {0x0d}));
    assertEquals("MSH|a", payload(ch.readInbound()));
    assertFalse(ch.finish());
  }

  @Test
  void skipsAndCountsBytesBetweenFrames() {
    EmbeddedChannel ch = channel(1024, false);
    byte[] junk = "\r\n\0 garbage".getBytes(ISO_8859_1);
    ch.writeInbound(Unpooled.wrappedBuffer(concat(junk, frame("MSH|1"), junk, frame("MSH|2"))));
    assertEquals("MSH|1", payload(ch.readInbound()));
    assertEquals("MSH|2", payload(ch.readInbound()));
    assertEquals(2 * junk.length, recorder.skipped());
    assertFalse(ch.finish());
  }

  @Test
  void abandonsAPartialFrameWhenANewStartBlockArrives() {
    EmbeddedChannel ch = channel(1024, false);
    ch.writeInbound(Unpooled.wrappedBuffer(concat("\u000bMSH|lost".getBytes(ISO_8859_1))));
    ch.writeInbound(Unpooled.wrappedBuffer(frame("MSH|kept")));
    assertEquals("MSH|kept", payload(ch.readInbound()));
    assertNull(ch.readInbound());
    assertEquals("\u000bMSH|lost".length(), recorder.skipped());
    assertFalse(ch.finish());
  }

  @Test
  void treatsALoneEndCharacterAsPayloadInStrictMode() {
    EmbeddedChannel ch = channel(1024, false);
    ch.writeInbound(Unpooled.wrappedBuffer("\u000bMSH|a\u001cb\u001c\r".getBytes(ISO_8859_1)));
    assertEquals("MSH|a\u001cb", payload(ch.readInbound()));
    assertFalse(ch.finish());
  }

  @Test
  void acceptsFramesWithoutTheCrAfterTheEndCharacterWhenAllowed() {
    EmbeddedChannel ch = channel(1024, true);
    ch.writeInbound(
        Unpooled.wrappedBuffer("\u000bMSH|1\u001c\u000bMSH|2\u001c".getBytes(ISO_8859_1)));
    assertEquals("MSH|1", payload(ch.readInbound()));
    assertEquals("MSH|2", payload(ch.readInbound()));
    ch.writeInbound(Unpooled.wrappedBuffer("\r\u000bMSH|3\u001c\r".getBytes(ISO_8859_1)));
    assertEquals("MSH|3", payload(ch.readInbound()));
    assertEquals(0, recorder.skipped(), "a late CR of an end block is not junk");
    assertFalse(ch.finish());
  }

  @Test
  void keepsOnlyTheHeadOfAnOversizedFrameArrivingInPieces() {
    EmbeddedChannel ch = channel(100, false);
    byte[] big = new byte[1000];
    Arrays.fill(big, (byte) 'x');
    System.arraycopy("MSH|".getBytes(ISO_8859_1), 0, big, 0, 4);
    ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {0x0b}));
    for (int i = 0; i < big.length; i += 70) {
      ch.writeInbound(Unpooled.wrappedBuffer(big, i, Math.min(70, big.length - i)));
    }
    assertNull(ch.readInbound());
    ch.writeInbound(Unpooled.wrappedBuffer(concat(new byte[] {0x1c, 0x0d}, frame("MSH|next"))));
    OversizedFrame oversized = assertInstanceOf(OversizedFrame.class, ch.readInbound());
    assertEquals(1000, oversized.length());
    assertEquals(100, oversized.limit());
    assertArrayEquals(Arrays.copyOf(big, 64), oversized.head());
    assertEquals("MSH|next", payload(ch.readInbound()));
    assertFalse(ch.finish());
  }

  @Test
  void reportsAnOversizedFrameArrivingInOneRead() {
    EmbeddedChannel ch = channel(10, false);
    ch.writeInbound(Unpooled.wrappedBuffer(concat(frame("MSH|0123456789abc"), frame("MSH|ok"))));
    OversizedFrame oversized = assertInstanceOf(OversizedFrame.class, ch.readInbound());
    assertEquals(17, oversized.length());
    assertEquals("MSH|0123456789abc".substring(0, 10), new String(oversized.head(), ISO_8859_1));
    assertEquals("MSH|ok", payload(ch.readInbound()));
    assertFalse(ch.finish());
  }

  @Test
  void encoderWrapsPayloadInBlocks() {
    EmbeddedChannel ch = new EmbeddedChannel(new MllpFrameEncoder());
    ch.writeOutbound(new MllpFrame("MSH|x".getBytes(ISO_8859_1)));
    io.netty.buffer.ByteBuf out = ch.readOutbound();
    byte[] bytes = new byte[out.readableBytes()];
    out.readBytes(bytes);
    out.release();
    assertArrayEquals(frame("MSH|x"), bytes);
    assertFalse(ch.finish());
  }
}
