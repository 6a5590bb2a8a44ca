package dev.hl7ferry.edge.receive;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hl7ferry.core.ack.AckBuilder;
import dev.hl7ferry.core.ack.ControlIds;
import dev.hl7ferry.core.charset.CharsetPolicy;
import dev.hl7ferry.core.message.Hl7Message;
import dev.hl7ferry.core.message.Segment;
import dev.hl7ferry.edge.mllp.MllpFrame;
import dev.hl7ferry.edge.mllp.OversizedFrame;
import dev.hl7ferry.edge.spool.SpoolRejectedException;
import dev.hl7ferry.edge.spool.StoreOutcome;
import dev.hl7ferry.edge.spool.StoreResult;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * {@link MessageReader} and {@link SpoolHandoff} behind a {@link ReplySequencer}, driven by frames.
 */
class ReceivePipelineTest {
  private final FakeSpool spool = new FakeSpool();
  private final EmbeddedChannel ch =
      pipeline(
          spool,
          new AckReplies(
              new AckBuilder(new ControlIds("T"), Clock.systemUTC()), CharsetPolicy.DEFAULT));

  private static EmbeddedChannel pipeline(FakeSpool spool, AckReplies replies) {
    return new EmbeddedChannel(
        new ReplySequencer(4),
        new MessageReader(
            CharsetPolicy.DEFAULT,
            replies,
            Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC)),
        new SpoolHandoff(spool, AckGate.SPOOL_ONLY, replies));
  }

  static String message(String controlId, String extraMsh) {
    return "MSH|^~\\&|LAB|HOSP|FERRY|CLOUD|20260101||ORU^R01^ORU_R01|"
        + controlId
        + "|P|2.5.1"
        + extraMsh
        + "\rPID|1||123\rOBX|1|TX|||hello\r";
  }

  private void receive(String text) {
    ch.writeInbound(new MllpFrame(text.getBytes(ISO_8859_1)));
  }

  private static StoreResult stored() {
    return new StoreResult("id", 1, StoreOutcome.STORED);
  }

  /** The next ACK written, parsed; null when none. */
  private Segment nextMsa() throws Exception {
    ch.runPendingTasks();
    MllpFrame out = ch.readOutbound();
    if (out == null) {
      return null;
    }
    return Hl7Message.parse(new String(out.payload(), ISO_8859_1)).segments("MSA").get(0);
  }

  private String nextErr() throws Exception {
    ch.runPendingTasks();
    MllpFrame out = ch.readOutbound();
    Hl7Message ack = Hl7Message.parse(new String(out.payload(), ISO_8859_1));
    return ack.segments("MSA").get(0).raw(1) + " " + ack.segments("ERR").get(0).raw(3);
  }

  @Test
  void aControlIdOfMoreThan199CharactersGetsAeWithErr102AtMsh10BeforeV27() throws Exception {
    receive(message("C".repeat(200), ""));
    ch.runPendingTasks();
    MllpFrame out = ch.readOutbound();
    Hl7Message ack = Hl7Message.parse(new String(out.payload(), ISO_8859_1));
    assertEquals("AE", ack.segments("MSA").get(0).raw(1));
    assertEquals("MSH^1^10", ack.segments("ERR").get(0).raw(2));
    assertEquals("102^Data type error^HL70357", ack.segments("ERR").get(0).raw(3));
    assertTrue(spool.messages.isEmpty(), "not stored");
    assertFalse(ch.finish());
  }

  @Test
  void aControlIdOfMoreThan199CharactersGetsErr104FromV27AndOf199IsStored() throws Exception {
    receive(message("C".repeat(200), "").replace("|P|2.5.1", "|P|2.7"));
    assertEquals("AE 104^Value too long^HL70357", nextErr());
    receive(message("C".repeat(199), "").replace("|P|2.5.1", "|P|2.7"));
    assertEquals(1, spool.messages.size());
    assertEquals(199, spool.messages.get(0).controlId().length());
  }

  @Test
  void acceptsOnlyAfterTheStoreHasCommitted() throws Exception {
    receive(message("C1", ""));
    assertNull(nextMsa(), "no ACK before the commit");
    assertEquals("C1", spool.messages.get(0).controlId());
    assertEquals("ORU^R01^ORU_R01", spool.messages.get(0).messageType());
    spool.futures.get(0).complete(stored());
    Segment msa = nextMsa();
    assertEquals("AA", msa.raw(1));
    assertEquals("C1", msa.raw(2));
    assertFalse(ch.finish());
  }

  @Test
  void acksArriveInTheOrderMessagesWereSentWhenStoresCompleteOutOfOrder() throws Exception {
    receive(message("C1", ""));
    receive(message("C2", ""));
    receive(message("C3", ""));
    spool.futures.get(2).complete(stored());
    spool.futures.get(1).complete(stored());
    assertNull(nextMsa(), "C1 has not committed, so nothing goes out");
    spool.futures.get(0).complete(stored());
    assertEquals("C1", nextMsa().raw(2));
    assertEquals("C2", nextMsa().raw(2));
    assertEquals("C3", nextMsa().raw(2));
    assertFalse(ch.finish());
  }

  @Test
  void answersAaAgainWhenTheSpoolReportsADuplicateResend() throws Exception {
    receive(message("C1", ""));
    spool.futures.get(0).complete(new StoreResult("id", 1, StoreOutcome.DUPLICATE));
    Segment msa = nextMsa();
    assertEquals("AA", msa.raw(1));
    assertEquals("C1", msa.raw(2));
    assertFalse(ch.finish());
  }

  @Test
  void answersArWithErr207WhenTheSpoolRejects() throws Exception {
    receive(message("C1", ""));
    spool
        .futures
        .get(0)
        .completeExceptionally(
            new SpoolRejectedException(SpoolRejectedException.Reason.QUOTA_BYTES, "full", null));
    assertEquals("AR 207^Application internal error^HL70357", nextErr());
    assertFalse(ch.finish());
  }

  @Test
  void answersCrInEnhancedModeWhenTheStoreFails() throws Exception {
    receive(message("C1", "|||AL|NE"));
    spool.futures.get(0).completeExceptionally(new IllegalStateException("disk gone"));
    assertEquals("CR 207^Application internal error^HL70357", nextErr());
    assertFalse(ch.finish());
  }

  @Test
  void answersCaInEnhancedModeAndNothingWhenTheSenderAsksForNoAcceptAck() throws Exception {
    receive(message("C1", "|||AL|NE"));
    receive(message("C2", "|||NE|NE"));
    receive(message("C3", "|||ER|NE"));
    spool.futures.forEach(f -> f.complete(stored()));
    assertEquals("CA", nextMsa().raw(1));
    assertNull(nextMsa(), "NE and ER want no positive accept ACK");
    assertEquals(3, spool.messages.size());
    assertFalse(ch.finish());
  }

  @Test
  void answersAeWithErr101WhenTheControlIdIsMissing() throws Exception {
    receive(message("", ""));
    assertEquals("AE 101^Required field missing^HL70357", nextErr());
    assertTrue(spool.messages.isEmpty());
    assertFalse(ch.finish());
  }

  @Test
  void answersArWithErr100WhenThereIsNoMsh() throws Exception {
    receive("PID|1||123\r");
    assertEquals("AR 100^Segment sequence error^HL70357", nextErr());
    assertFalse(ch.finish());
  }

  @Test
  void keepsOrderBetweenAPendingStoreAndAnImmediateNak() throws Exception {
    receive(message("C1", ""));
    receive("garbage");
    assertNull(nextMsa());
    spool.futures.get(0).complete(stored());
    assertEquals("AA", nextMsa().raw(1));
    assertEquals("AR", nextMsa().raw(1));
    assertFalse(ch.finish());
  }

  @Test
  void rejectsAnOversizedFrameWhoseHeaderIsReadable() throws Exception {
    byte[] head = message("BIG", "").substring(0, 60).getBytes(ISO_8859_1);
    ch.writeInbound(new OversizedFrame(head, 20_000_000, 16 << 20));
    assertEquals("AR 104^Value too long^HL70357", nextErr());
    assertTrue(ch.isActive());
    assertTrue(spool.messages.isEmpty());
    assertFalse(ch.finish());
  }

  @Test
  void closesAfterEarlierAcksWhenAnOversizedFrameHasNoReadableHeader() throws Exception {
    receive(message("C1", ""));
    ch.writeInbound(new OversizedFrame("xxxx".getBytes(ISO_8859_1), 20_000_000, 16 << 20));
    assertTrue(ch.isActive(), "the earlier message is still being stored");
    spool.futures.get(0).complete(stored());
    assertEquals("AA", nextMsa().raw(1));
    assertFalse(ch.isActive());
    assertFalse(ch.finish());
  }

  @Test
  void stopsReadingWhileTooManyRepliesWaitAndResumesWhenTheyDrain() throws Exception {
    for (int i = 0; i < 5; i++) {
      receive(message("C" + i, ""));
    }
    assertFalse(ch.config().isAutoRead());
    spool.futures.forEach(f -> f.complete(stored()));
    for (int i = 0; i < 5; i++) {
      assertEquals("C" + i, nextMsa().raw(2));
    }
    assertTrue(ch.config().isAutoRead());
    assertFalse(ch.finish());
  }

  @Test
  void drainRequestClosesOnceEveryPendingAckIsOut() throws Exception {
    receive(message("C1", ""));
    ch.pipeline().fireUserEventTriggered(DrainRequest.INSTANCE);
    assertTrue(ch.isActive());
    spool.futures.get(0).complete(stored());
    assertEquals("AA", nextMsa().raw(1));
    assertFalse(ch.isActive());
    assertFalse(ch.finish());
  }
}
