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
import dev.hl7ferry.edge.mllp.MllpFrame;
import dev.hl7ferry.edge.ship.ShipException;
import dev.hl7ferry.edge.spool.StoreOutcome;
import dev.hl7ferry.edge.spool.StoreResult;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@code ackAfter: cloud} in the receive path, with a fake shipper confirming on command. */
class AckAfterCloudTest {
  private final FakeSpool spool = new FakeSpool();
  private final FakeShipper shipper = new FakeShipper();

  private EmbeddedChannel channel(AckAfter ackAfter, Duration timeout) {
    AckReplies replies =
        new AckReplies(
            new AckBuilder(new ControlIds("T"), Clock.systemUTC()), CharsetPolicy.DEFAULT);
    return new EmbeddedChannel(
        new ReplySequencer(8),
        new MessageReader(CharsetPolicy.DEFAULT, replies, Clock.systemUTC()),
        new SpoolHandoff(spool, new AckGate(shipper, ackAfter, timeout), replies));
  }

  /** Confirms entries when the test says so; counts wake-ups. */
  private static final class FakeShipper implements CloudHandoff {
    final Map<String, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();
    final AtomicInteger wakes = new AtomicInteger();

    @Override
    public void stored() {
      wakes.incrementAndGet();
    }

    @Override
    public CompletableFuture<Void> whenShipped(String entryId) {
      return waiting.computeIfAbsent(entryId, id -> new CompletableFuture<>());
    }

    void ship(String id) {
      whenShipped(id).complete(null);
    }
  }

  private static void receive(EmbeddedChannel ch, String controlId) {
    ch.writeInbound(new MllpFrame(ReceivePipelineTest.message(controlId, "").getBytes(ISO_8859_1)));
  }

  private static void commit(FakeSpool spool, int index, String id, StoreOutcome outcome) {
    spool.futures.get(index).complete(new StoreResult(id, index + 1, outcome));
  }

  /** MSA-1, MSA-2 and ERR-3 (when present) of the next ACK, or null when none was written. */
  private static String nextAck(EmbeddedChannel ch) throws Exception {
    ch.runPendingTasks();
    MllpFrame out = ch.readOutbound();
    if (out == null) {
      return null;
    }
    Hl7Message ack = Hl7Message.parse(new String(out.payload(), ISO_8859_1));
    String msa = ack.segments("MSA").get(0).raw(1) + " " + ack.segments("MSA").get(0).raw(2);
    return ack.segments("ERR").isEmpty()
        ? msa
        : msa + " " + ack.segments("ERR").get(0).raw(3, 1, 1, 1);
  }

  private static String errText(EmbeddedChannel ch) {
    ch.runPendingTasks();
    MllpFrame out = ch.readOutbound();
    return new String(out.payload(), ISO_8859_1);
  }

  @Test
  void theAaWaitsUntilTheShipperConfirmedTheEntry() throws Exception {
    EmbeddedChannel ch = channel(AckAfter.CLOUD, Duration.ofSeconds(30));
    receive(ch, "C1");
    commit(spool, 0, "e1", StoreOutcome.STORED);
    assertNull(nextAck(ch), "committed but not shipped: no ACK yet");
    assertEquals(1, shipper.wakes.get(), "the commit woke the shipper");
    shipper.ship("e1");
    assertEquals("AA C1", nextAck(ch));
    assertFalse(ch.finish());
  }

  @Test
  void acksKeepTheArrivalOrderWhenEntriesAreConfirmedOutOfOrder() throws Exception {
    EmbeddedChannel ch = channel(AckAfter.CLOUD, Duration.ofSeconds(30));
    receive(ch, "C1");
    receive(ch, "C2");
    receive(ch, "C3");
    commit(spool, 0, "e1", StoreOutcome.STORED);
    commit(spool, 1, "e2", StoreOutcome.STORED_CONTROL_ID_REUSED);
    commit(spool, 2, "e3", StoreOutcome.STORED);
    shipper.ship("e3");
    shipper.ship("e2");
    assertNull(nextAck(ch), "C1 is not confirmed, so nothing goes out");
    shipper.ship("e1");
    assertEquals("AA C1", nextAck(ch));
    assertEquals("AA C2", nextAck(ch));
    assertEquals("AA C3", nextAck(ch));
    assertFalse(ch.finish());
  }

  @Test
  void aDuplicateIsAcceptedAtOnceWithoutWaitingForTheCloud() throws Exception {
    EmbeddedChannel ch = channel(AckAfter.CLOUD, Duration.ofSeconds(30));
    receive(ch, "C1");
    commit(spool, 0, "e1", StoreOutcome.DUPLICATE);
    assertEquals("AA C1", nextAck(ch));
    assertTrue(shipper.waiting.isEmpty(), "nobody waits for a duplicate");
    assertFalse(ch.finish());
  }

  @Test
  void noConfirmationWithinTheTimeoutIsAnArWithError207() throws Exception {
    EmbeddedChannel ch = channel(AckAfter.CLOUD, Duration.ofMillis(100));
    receive(ch, "C1");
    commit(spool, 0, "e1", StoreOutcome.STORED);
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    String ack = null;
    while (ack == null && System.nanoTime() < deadline) {
      Thread.sleep(10);
      ch.runPendingTasks();
      if (!ch.outboundMessages().isEmpty()) {
        ack = errText(ch);
      }
    }
    Hl7Message parsed = Hl7Message.parse(ack);
    assertEquals("AR", parsed.segments("MSA").get(0).raw(1));
    assertEquals("207", parsed.get("ERR-3"));
    assertTrue(ack.contains("not confirmed by the cloud within 100 ms"), ack);
    assertTrue(ack.contains("a resend is safe"), ack);
    assertFalse(ch.finish());
  }

  @Test
  void aShipperThatStopsFirstTurnsTheWaitIntoAnAr() throws Exception {
    EmbeddedChannel ch = channel(AckAfter.CLOUD, Duration.ofSeconds(30));
    receive(ch, "C1");
    receive(ch, "C2");
    commit(spool, 0, "e1", StoreOutcome.STORED);
    commit(spool, 1, "e2", StoreOutcome.DUPLICATE);
    shipper.whenShipped("e1").completeExceptionally(new ShipException("shipper stopped"));
    assertEquals("AR C1 207", nextAck(ch));
    assertEquals("AA C2", nextAck(ch));
    assertFalse(ch.finish());
  }

  @Test
  void ackAfterSpoolAnswersAtTheCommitAndStillWakesTheShipper() throws Exception {
    EmbeddedChannel ch = channel(AckAfter.SPOOL, Duration.ofSeconds(30));
    receive(ch, "C1");
    commit(spool, 0, "e1", StoreOutcome.STORED);
    assertEquals("AA C1", nextAck(ch));
    assertEquals(1, shipper.wakes.get());
    assertEquals(List.of(), List.copyOf(shipper.waiting.keySet()));
    assertFalse(ch.finish());
  }
}
