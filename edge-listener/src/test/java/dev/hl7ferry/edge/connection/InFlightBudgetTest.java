package dev.hl7ferry.edge.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hl7ferry.edge.mllp.FramingEvent;
import dev.hl7ferry.edge.mllp.MllpFrame;
import dev.hl7ferry.edge.receive.PendingReply;
import dev.hl7ferry.edge.receive.Reply;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The in-flight budget across connections, each an {@link EmbeddedChannel} with an {@link
 * InFlightLimiter}: who stops reading, who leads, and who reads again when bytes free.
 */
class InFlightBudgetTest {
  private final InFlightBudget budget = new InFlightBudget(100);

  private EmbeddedChannel connection() {
    return new EmbeddedChannel(new InFlightLimiter(budget));
  }

  private static void held(EmbeddedChannel ch, long bytes) {
    ch.pipeline().fireUserEventTriggered(new FramingEvent.Held(bytes));
  }

  /** The frame of {@code bytes} is in; returns its store's answer, to complete later. */
  private static CompletableFuture<Reply> frame(EmbeddedChannel ch, int bytes) {
    ch.pipeline().fireChannelRead(new MllpFrame(new byte[bytes]));
    assertTrue(ch.readInbound() instanceof MllpFrame);
    CompletableFuture<Reply> store = new CompletableFuture<>();
    ch.write(new PendingReply(store));
    return store;
  }

  private static boolean reading(EmbeddedChannel ch) {
    ch.runPendingTasks();
    return ch.config().isAutoRead();
  }

  @Test
  void withinTheBudgetEveryConnectionReadsAndAnsweredFramesGiveTheirBytesBack() {
    EmbeddedChannel a = connection();
    CompletableFuture<Reply> store = frame(a, 60);
    held(a, 30);
    assertEquals(90, budget.held());
    assertTrue(reading(a));
    store.complete(Reply.send(new byte[] {'A'}));
    assertEquals(30, budget.held());
    a.finishAndReleaseAll();
    assertEquals(0, budget.held(), "a closed connection gives back what it held");
  }

  @Test
  void pastTheBudgetOneConnectionLeadsAndTheOthersStopReadingUntilItsFrameIsStored() {
    EmbeddedChannel a = connection();
    EmbeddedChannel b = connection();
    EmbeddedChannel c = connection();
    held(a, 60);
    held(b, 50); // 110 > 100: b holds part of a frame and nobody leads, so b leads
    assertTrue(reading(b));
    held(a, 70);
    assertFalse(reading(a), "past the budget a connection that does not lead stops reading");
    held(c, 5);
    assertFalse(reading(c));
    held(b, 90);
    assertTrue(reading(b), "the lead finishes its frame past the budget");
    CompletableFuture<Reply> stored = frame(b, 95);
    held(b, 10);
    assertFalse(reading(b), "once its frame is in, the lead stops too");
    assertEquals(70 + 5 + 95 + 10, budget.held());

    stored.complete(Reply.send(new byte[] {'A'}));
    // 85 held again: everyone reads.
    assertEquals(85, budget.held());
    assertTrue(reading(a));
    assertTrue(reading(b));
    assertTrue(reading(c));
  }

  @Test
  void whenTheLeadIsDoneThePausedConnectionHoldingTheMostLeadsNext() {
    EmbeddedChannel a = connection();
    EmbeddedChannel b = connection();
    EmbeddedChannel c = connection();
    held(a, 90);
    held(b, 40); // a leads? no: b's read spent the budget, b holds a part: b leads
    held(a, 95);
    held(c, 30);
    assertFalse(reading(a));
    assertFalse(reading(c));
    CompletableFuture<Reply> stored = frame(b, 45);
    assertEquals(95 + 30 + 45, budget.held());
    stored.complete(Reply.send(new byte[] {'A'}));
    // Still 125 held, more than the budget: a (95) leads next, c (30) waits.
    assertEquals(125, budget.held());
    assertTrue(reading(a));
    assertFalse(reading(c));
    assertEquals(3, budget.pauses(), "a, c, then b once its frame was in");
  }

  @Test
  void aClosedLeadHandsTheLeadOn() {
    EmbeddedChannel a = connection();
    EmbeddedChannel b = connection();
    held(a, 80);
    held(b, 40); // b leads
    held(a, 85);
    assertFalse(reading(a));
    b.close();
    b.runPendingTasks();
    assertEquals(85, budget.held());
    assertTrue(reading(a), "within the budget again once b's bytes are given back");
  }

  @Test
  void aFrameWhoseStoreFailsGivesItsBytesBackToo() {
    EmbeddedChannel a = connection();
    EmbeddedChannel b = connection();
    EmbeddedChannel c = connection();
    CompletableFuture<Reply> store = frame(a, 150); // over the budget alone
    assertFalse(reading(a));
    held(b, 10);
    assertTrue(reading(b), "b leads: it holds part of a frame");
    held(c, 10);
    assertFalse(reading(c));
    store.completeExceptionally(new IllegalStateException("disk full"));
    assertEquals(20, budget.held());
    assertTrue(reading(a));
    assertTrue(reading(c));
  }
}
