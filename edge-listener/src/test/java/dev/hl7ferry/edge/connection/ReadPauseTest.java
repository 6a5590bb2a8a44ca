package dev.hl7ferry.edge.connection;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hl7ferry.edge.mllp.ReadPause;
import io.netty.buffer.Unpooled;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

/** Reading stops while any reason holds it, and a peer that does not read its replies is one. */
class ReadPauseTest {

  @Test
  void aConnectionReadsAgainOnlyOnceNoReasonHoldsIt() {
    EmbeddedChannel ch = new EmbeddedChannel();
    ReadPause pause = ReadPause.of(ch);
    pause.pause(ReadPause.Reason.BACKLOG);
    pause.pause(ReadPause.Reason.BUDGET);
    pause.resume(ReadPause.Reason.BUDGET);
    assertFalse(ch.config().isAutoRead(), "the budget freeing does not lift the backlog's pause");
    pause.resume(ReadPause.Reason.BACKLOG);
    assertTrue(ch.config().isAutoRead());
    assertFalse(ch.finish());
  }

  @Test
  void writesPastTheHighWaterMarkStopReadingUntilTheyAreOut() {
    EmbeddedChannel ch = new EmbeddedChannel(new WritabilityGate());
    ch.config().setWriteBufferWaterMark(new WriteBufferWaterMark(8, 16));
    ch.write(Unpooled.wrappedBuffer(new byte[32])); // an ACK the peer does not take
    ch.runPendingTasks();
    assertFalse(ch.isWritable());
    assertFalse(ch.config().isAutoRead(), "no new message is read while replies back up");
    ch.flush();
    ch.runPendingTasks();
    assertTrue(ch.isWritable());
    assertTrue(ch.config().isAutoRead());
    ch.finishAndReleaseAll();
  }
}
