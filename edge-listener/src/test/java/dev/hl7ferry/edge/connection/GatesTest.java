package dev.hl7ferry.edge.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.hl7ferry.edge.mllp.FramingEvent;
import dev.hl7ferry.edge.mllp.MllpFrame;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Address ranges, the refusal log, the accept-rate bucket and the outside-frame timeout. */
class GatesTest {
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

  @BeforeEach
  void capture() {
    logged.start();
    ((Logger) LoggerFactory.getLogger(RefusalLog.class)).addAppender(logged);
    ((Logger) LoggerFactory.getLogger(OutsideFrameTimeout.class)).addAppender(logged);
  }

  @AfterEach
  void release() {
    ((Logger) LoggerFactory.getLogger(RefusalLog.class)).detachAppender(logged);
    ((Logger) LoggerFactory.getLogger(OutsideFrameTimeout.class)).detachAppender(logged);
  }

  private static InetAddress ip(String literal) throws Exception {
    return InetAddress.getByName(literal);
  }

  @Test
  void rangesMatchTheirAddressesOnlyInTheirOwnFamily() throws Exception {
    assertTrue(Cidr.parse("10.0.0.0/8").contains(ip("10.255.1.2")));
    assertFalse(Cidr.parse("10.0.0.0/8").contains(ip("11.0.0.1")));
    assertTrue(Cidr.parse("172.16.0.0/12").contains(ip("172.31.255.255")));
    assertFalse(Cidr.parse("172.16.0.0/12").contains(ip("172.32.0.1")));
    assertTrue(Cidr.parse("127.0.0.2").contains(ip("127.0.0.2")));
    assertFalse(Cidr.parse("127.0.0.2").contains(ip("127.0.0.3")));
    assertTrue(Cidr.parse("0.0.0.0/0").contains(ip("8.8.8.8")));
    assertFalse(Cidr.parse("0.0.0.0/0").contains(ip("::1")));
    assertTrue(Cidr.parse("fc00::/7").contains(ip("fd12:3456::1")));
    assertTrue(Cidr.parse("::1").contains(ip("::1")));
    assertEquals("10.0.0.0/8", Cidr.parse("10.1.2.3/8").toString());
  }

  @Test
  void aHostNameOrABadPrefixIsNoRange() {
    assertThrows(IllegalArgumentException.class, () -> Cidr.parse("lis.hospital.example"));
    assertThrows(IllegalArgumentException.class, () -> Cidr.parse("10.0.0.0/33"));
    assertThrows(IllegalArgumentException.class, () -> Cidr.parse("10.0.0.0/x"));
    assertThrows(IllegalArgumentException.class, () -> Cidr.parse(""));
  }

  @Test
  void aPeerRefusedAgainAndAgainIsLoggedOnceAMinuteAndCountedEveryTime() {
    AtomicLong now = new AtomicLong(1_000);
    RefusalLog refusals = new RefusalLog(now::get);
    for (int i = 0; i < 5; i++) {
      refusals.refuse("192.0.2.7", "mllp", "not in the listener's allow list");
    }
    refusals.refuse("192.0.2.8", "mllp", "not in the listener's allow list");
    assertEquals(6, refusals.refused());
    assertEquals(2, logged.list.size());
    now.addAndGet(TimeUnit.SECONDS.toNanos(61));
    refusals.refuse("192.0.2.7", "mllp", "not in the listener's allow list");
    assertEquals(3, logged.list.size());
    String line = logged.list.get(2).getFormattedMessage();
    assertTrue(line.contains("peer=192.0.2.7 listener=mllp"), line);
    assertTrue(line.contains("4 more from this address since the last line"), line);
  }

  @Test
  void theAcceptBucketLetsABurstThroughThenRefillsAtItsRate() {
    AtomicLong now = new AtomicLong();
    AcceptRate.Bucket bucket = new AcceptRate.Bucket(10, 3, now::get);
    assertTrue(bucket.take());
    assertTrue(bucket.take());
    assertTrue(bucket.take());
    assertFalse(bucket.take());
    now.addAndGet(TimeUnit.MILLISECONDS.toNanos(100));
    assertTrue(bucket.take());
    assertFalse(bucket.take());
    now.addAndGet(TimeUnit.SECONDS.toNanos(60));
    assertTrue(bucket.take() && bucket.take() && bucket.take());
    assertFalse(bucket.take());
  }

  @Test
  void aConnectionRefusedByTheBucketIsClosedAndNeverSeenBehind() {
    AcceptRate.Bucket bucket = new AcceptRate.Bucket(1, 1, () -> 0L);
    RefusalLog refusals = new RefusalLog();
    EmbeddedChannel first = new EmbeddedChannel(new AcceptRate(bucket, refusals, "mllp"));
    EmbeddedChannel second = new EmbeddedChannel(new AcceptRate(bucket, refusals, "mllp"));
    assertTrue(first.isActive());
    assertFalse(second.isActive());
    assertEquals(1, refusals.refused());
    assertFalse(first.finish());
    assertFalse(second.finish());
  }

  @Test
  void aSilentNewConnectionIsClosedWithOneLine() throws Exception {
    EmbeddedChannel ch = new EmbeddedChannel(new OutsideFrameTimeout(Duration.ofMillis(50)));
    Thread.sleep(80);
    ch.runPendingTasks();
    assertFalse(ch.isActive());
    assertEquals(1, logged.list.size());
    assertTrue(
        logged.list.get(0).getFormattedMessage().contains("reason=no MLLP start block within 50"));
    assertFalse(ch.finish());
  }

  @Test
  void aStartedFrameStopsTheClockAndATrailingCrLfDoesNotStartItAgain() throws Exception {
    EmbeddedChannel ch = new EmbeddedChannel(new OutsideFrameTimeout(Duration.ofMillis(50)));
    ch.pipeline().fireUserEventTriggered(FramingEvent.PENDING);
    ch.writeInbound(new MllpFrame(new byte[] {'M'}));
    ch.pipeline().fireUserEventTriggered(new FramingEvent.BytesSkipped(1));
    Thread.sleep(80);
    ch.runPendingTasks();
    assertTrue(ch.isActive(), "silence after a frame is the idle timeout's business");
    ch.pipeline().fireUserEventTriggered(new FramingEvent.BytesSkipped(40));
    Thread.sleep(80);
    ch.runPendingTasks();
    assertFalse(ch.isActive(), "junk between frames starts the clock");
    assertEquals(1, ch.inboundMessages().size());
    ch.inboundMessages().clear();
    assertFalse(ch.finish());
  }

  @Test
  void thePerAddressCountsFreeASlotWhenAConnectionCloses() {
    PeerLimiter.Counts counts = new PeerLimiter.Counts();
    assertTrue(counts.take("10.0.0.1", 2));
    assertTrue(counts.take("10.0.0.1", 2));
    assertFalse(counts.take("10.0.0.1", 2));
    assertTrue(counts.take("10.0.0.2", 2));
    counts.give("10.0.0.1");
    assertEquals(1, counts.of("10.0.0.1"));
    assertTrue(counts.take("10.0.0.1", 2));
    assertEquals(List.of(), logged.list);
  }
}
