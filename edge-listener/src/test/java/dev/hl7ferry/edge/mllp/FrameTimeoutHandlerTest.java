package dev.hl7ferry.edge.mllp;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FrameTimeoutHandlerTest {

  private static EmbeddedChannel channel() {
    return new EmbeddedChannel(
        new MllpFrameDecoder(1024, 64, false), new FrameTimeoutHandler(Duration.ofSeconds(5)));
  }

  @Test
  void closesTheConnectionWhenAStartedFrameDoesNotFinishInTime() {
    EmbeddedChannel ch = channel();
    ch.writeInbound(Unpooled.wrappedBuffer("\u000bMSH|half".getBytes(ISO_8859_1)));
    ch.advanceTimeBy(3, TimeUnit.SECONDS);
    ch.runScheduledPendingTasks();
    ch.writeInbound(Unpooled.wrappedBuffer("more".getBytes(ISO_8859_1)));
    assertTrue(ch.isActive(), "more bytes do not reset the clock, but it has not run out yet");
    ch.advanceTimeBy(3, TimeUnit.SECONDS);
    ch.runScheduledPendingTasks();
    assertFalse(ch.isActive());
    assertFalse(ch.finish());
  }

  @Test
  void keepsTheConnectionWhenFramesFinishInTime() {
    EmbeddedChannel ch = channel();
    ch.writeInbound(Unpooled.wrappedBuffer("\u000bMSH|a".getBytes(ISO_8859_1)));
    ch.advanceTimeBy(4, TimeUnit.SECONDS);
    ch.writeInbound(Unpooled.wrappedBuffer("\u001c\r".getBytes(ISO_8859_1)));
    assertInstanceOf(MllpFrame.class, ch.readInbound());
    ch.advanceTimeBy(10, TimeUnit.SECONDS);
    ch.runScheduledPendingTasks();
    assertTrue(ch.isActive());
    assertFalse(ch.finish());
  }

  @Test
  void timeStoppedForTheInFlightBudgetDoesNotCountAgainstTheSender() {
    EmbeddedChannel ch = channel();
    ch.writeInbound(Unpooled.wrappedBuffer("\u000bMSH|half".getBytes(ISO_8859_1)));
    ReadPause.of(ch).pause(ReadPause.Reason.BUDGET);
    ch.advanceTimeBy(20, TimeUnit.SECONDS);
    ch.runScheduledPendingTasks();
    assertTrue(ch.isActive(), "stopped by the edge for 20 s, the frame is still waited for");
    ReadPause.of(ch).resume(ReadPause.Reason.BUDGET);
    ch.advanceTimeBy(4, TimeUnit.SECONDS);
    ch.runScheduledPendingTasks();
    assertTrue(ch.isActive(), "after the pause the sender gets the timeout again");
    ch.advanceTimeBy(6, TimeUnit.SECONDS);
    ch.runScheduledPendingTasks();
    assertFalse(ch.isActive(), "then a frame that does not finish is cut off as before");
    assertFalse(ch.finish());
  }

  @Test
  void ignoresIdleTimeBetweenFrames() {
    EmbeddedChannel ch = channel();
    ch.writeInbound(Unpooled.wrappedBuffer("\r\n".getBytes(ISO_8859_1)));
    ch.advanceTimeBy(60, TimeUnit.SECONDS);
    ch.runScheduledPendingTasks();
    assertTrue(ch.isActive());
    assertFalse(ch.finish());
  }
}
