package dev.hl7ferry.edge.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.ssl.SslHandler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsPipelineTest {
  @TempDir Path dir;

  private static final class Inner extends ChannelInboundHandlerAdapter {}

  @Test
  void withoutTlsThePlaceLeavesNothingBehind() {
    EmbeddedChannel channel = new EmbeddedChannel(new TlsStart(Optional.empty()), new Inner());
    assertEquals(List.of(Inner.class), handlerTypes(channel));
    assertFalse(channel.finish());
  }

  @Test
  void withTlsTheSslHandlerAndTheHandshakeLogTakeItsPlace() throws Exception {
    TestCertificates.Issued ca = TestCertificates.authority("CA");
    TestCertificates.Issued leaf = TestCertificates.leaf(ca, "edge", 9);
    ServerTls settings =
        new ServerTls(
            leaf.writeCertificate(dir.resolve("edge.pem")),
            leaf.writeKey(dir.resolve("edge.key")),
            Optional.empty(),
            false,
            Duration.ofHours(1));
    try (ServerTlsContext context = ServerTlsContext.open(settings)) {
      assertEquals(leaf.serial(), context.certificate().getSerialNumber());
      EmbeddedChannel channel =
          new EmbeddedChannel(new TlsStart(Optional.of(context)), new Inner());
      assertEquals(
          List.of(SslHandler.class, HandshakeLog.class, Inner.class), handlerTypes(channel));

      // A plaintext MLLP frame: the handshake fails, the channel closes, nothing passes inwards.
      channel.writeInbound(
          Unpooled.copiedBuffer("\u000bMSH|^~\\&|A|B\r\u001c\r", StandardCharsets.ISO_8859_1));
      assertFalse(channel.isOpen());
      assertNull(channel.readInbound());
      channel.finishAndReleaseAll();
    }
  }

  @Test
  void theReasonOfAPlaintextRecordIsAFixedTextNotNettysHexDump() {
    String reason =
        HandshakeLog.reason(
            new io.netty.handler.codec.DecoderException(
                new io.netty.handler.ssl.NotSslRecordException(
                    "not an SSL/TLS record: 0b4d53487c5e7e5c26")));
    assertEquals("not a TLS record (a plain MLLP sender?)", reason);
  }

  @Test
  void aLongReasonIsCut() {
    String reason = HandshakeLog.reason(new javax.net.ssl.SSLException("x".repeat(500)));
    assertTrue(reason.length() < 200 && reason.endsWith("..."), reason);
  }

  private static List<Class<?>> handlerTypes(EmbeddedChannel channel) {
    return channel.pipeline().names().stream()
        .map(name -> channel.pipeline().get(name))
        .filter(handler -> handler != null)
        .<Class<?>>map(Object::getClass)
        .toList();
  }
}
