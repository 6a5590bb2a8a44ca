package dev.hl7ferry.edge.connection;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hl7ferry.edge.mllp.FramingEvent;
import dev.hl7ferry.edge.mllp.MllpFrame;
import dev.hl7ferry.edge.mllp.MllpFrameDecoder;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The connection-level handlers, each in its own {@link EmbeddedChannel}. */
class ConnectionHandlersTest {

  @Test
  void refusesConnectionsBeyondTheLimitAndCountsClosedOnesOut() {
    AtomicInteger open = new AtomicInteger();
    RefusalLog refusals = new RefusalLog();
    EmbeddedChannel first = new EmbeddedChannel(new ConnectionLimiter(open, 2, refusals, "mllp"));
    EmbeddedChannel second = new EmbeddedChannel(new ConnectionLimiter(open, 2, refusals, "mllp"));
    EmbeddedChannel third = new EmbeddedChannel(new ConnectionLimiter(open, 2, refusals, "mllp"));
    assertTrue(first.isActive());
    assertTrue(second.isActive());
    assertFalse(third.isActive(), "the third connection is refused");
    assertEquals(2, open.get());
    assertEquals(1, refusals.refused());
    assertFalse(first.finish());
    assertEquals(1, open.get());
    EmbeddedChannel fourth = new EmbeddedChannel(new ConnectionLimiter(open, 2, refusals, "mllp"));
    assertTrue(fourth.isActive(), "a slot freed by a close is usable again");
    assertFalse(second.finish());
    assertFalse(third.finish());
    assertFalse(fourth.finish());
    assertEquals(0, open.get());
  }

  @Test
  void closesAnIdleConnection() {
    EmbeddedChannel ch = new EmbeddedChannel(new IdleCloser(60));
    ch.advanceTimeBy(59, TimeUnit.SECONDS);
    ch.runScheduledPendingTasks();
    assertTrue(ch.isActive());
    ch.advanceTimeBy(2, TimeUnit.SECONDS);
    ch.runScheduledPendingTasks();
    assertFalse(ch.isActive());
    assertFalse(ch.finish());
  }

  @Test
  void readingResetsTheIdleClock() {
    EmbeddedChannel ch = new EmbeddedChannel(new IdleCloser(60));
    ch.advanceTimeBy(50, TimeUnit.SECONDS);
    ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {'\r'}));
    ch.advanceTimeBy(50, TimeUnit.SECONDS);
    ch.runScheduledPendingTasks();
    assertTrue(ch.isActive());
    ch.<io.netty.buffer.ByteBuf>readInbound().release();
    assertFalse(ch.finish());
  }

  @Test
  void connectionLogPassesFramesAndSkipEventsThrough() {
    List<Object> events = new ArrayList<>();
    EmbeddedChannel ch =
        new EmbeddedChannel(
            new MllpFrameDecoder(1024, 64, false),
            new ConnectionLog(),
            new ChannelInboundHandlerAdapter() {
              @Override
              public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
                events.add(evt);
              }
            });
    ch.writeInbound(Unpooled.wrappedBuffer("junk\u000bMSH|1\u001c\r".getBytes(ISO_8859_1)));
    assertInstanceOf(MllpFrame.class, ch.readInbound());
    assertNull(ch.readInbound());
    assertEquals(
        List.of(new FramingEvent.BytesSkipped(4)),
        events.stream().filter(e -> e instanceof FramingEvent.BytesSkipped).toList(),
        "the skip event comes out behind the connection log");
    assertFalse(ch.finish());
  }
}
