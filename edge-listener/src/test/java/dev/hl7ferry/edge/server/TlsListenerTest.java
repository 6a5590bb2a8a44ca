package dev.hl7ferry.edge.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.hl7ferry.edge.TestMessages;
import dev.hl7ferry.edge.cli.FerryEdge;
import dev.hl7ferry.edge.client.AckReply;
import dev.hl7ferry.edge.client.MllpClient;
import dev.hl7ferry.edge.config.ConfigLoader;
import dev.hl7ferry.edge.config.EdgeConfig;
import dev.hl7ferry.edge.tls.ClientTls;
import dev.hl7ferry.edge.tls.HandshakeLog;
import dev.hl7ferry.edge.tls.TestCertificates;
import dev.hl7ferry.edge.tls.TestCertificates.Issued;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** A real TLS listener on port 0 with certificates made here, and real TLS clients. */
class TlsListenerTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @TempDir Path dir;
  private final RecordingSpool spool = new RecordingSpool();
  private final ListAppender<ILoggingEvent> handshakeLog = new ListAppender<>();
  private Issued ca;
  private Path caFile;
  private Path certFile;
  private Path keyFile;
  private EdgeServer server;
  private int port;

  @BeforeEach
  void certificates() throws IOException {
    ca = TestCertificates.authority("Ferry Test CA");
    caFile = ca.writeCertificate(dir.resolve("ca.pem"));
    Issued leaf = TestCertificates.leaf(ca, "edge", 100);
    certFile = leaf.writeCertificate(dir.resolve("edge.pem"));
    keyFile = leaf.writeKey(dir.resolve("edge.key"));
    handshakeLog.start();
    ((Logger) LoggerFactory.getLogger(HandshakeLog.class)).addAppender(handshakeLog);
  }

  @AfterEach
  void stop() {
    ((Logger) LoggerFactory.getLogger(HandshakeLog.class)).detachAppender(handshakeLog);
    if (server != null) {
      server.close();
    }
  }

  private void start(Map<String, Object> tls) throws Exception {
    Map<String, Object> overrides = new HashMap<>();
    overrides.put("listener.port", 0);
    overrides.put("listener.bindAddress", "127.0.0.1");
    overrides.put("listener.tls.enabled", true);
    overrides.put("listener.tls.certificateFile", certFile.toString());
    overrides.put("listener.tls.privateKeyFile", keyFile.toString());
    tls.forEach((key, value) -> overrides.put("listener.tls." + key, value));
    EdgeConfig config = new ConfigLoader().load(null, overrides);
    server = DaggerTestEdgeComponent.factory().create(config, spool, Clock.systemUTC()).server();
    port = server.start().getPort();
  }

  private ClientTls trusting(Path ca) throws IOException {
    return ClientTls.load(Optional.of(ca), Optional.empty(), Optional.empty(), Optional.empty());
  }

  private static String exchange(MllpClient client, String controlId) throws Exception {
    // Original acknowledgment mode (no MSH-15), so an accepted message gets AA.
    client.send(
        ("MSH|^~\\&|LAB|CLINIC|FERRY|EDGE|20260101||ADT^A01|" + controlId + "|P|2.5\rPID|1\r")
            .getBytes(StandardCharsets.ISO_8859_1));
    AckReply ack = AckReply.parse(client.receive());
    assertEquals(controlId, ack.acknowledgedControlId());
    return ack.code();
  }

  @Test
  void aMessageSentOverTlsIsStoredAndAnsweredAa() throws Exception {
    start(Map.of());
    try (MllpClient client =
        MllpClient.connect("localhost", port, TIMEOUT, TIMEOUT, trusting(caFile))) {
      assertEquals("AA", exchange(client, "TLS1"));
    }
    assertEquals(1, spool.stored.size());
  }

  @Test
  void theSendCommandSpeaksTlsWithItsOptions() throws Exception {
    start(Map.of());
    Path message = dir.resolve("m.hl7");
    Files.write(message, TestMessages.message("TLS2").payload());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = FerryEdge.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code =
        cli.execute(
            "send",
            "--host",
            "127.0.0.1",
            "--port",
            String.valueOf(port),
            "--tls",
            "--ca",
            caFile.toString(),
            "--server-name",
            "localhost",
            message.toString());
    assertEquals(0, code, err.toString());
    assertTrue(out.toString().contains("1 accepted"), out.toString());
  }

  @Test
  void aClientTrustingAnotherCaRefusesTheServer() throws Exception {
    start(Map.of());
    Path otherCa = TestCertificates.authority("Other CA").writeCertificate(dir.resolve("o.pem"));
    assertThrows(
        SSLHandshakeException.class,
        () -> MllpClient.connect("localhost", port, TIMEOUT, TIMEOUT, trusting(otherCa)));
    assertEquals(0, spool.received.get());
  }

  @Test
  void aServerNameTheCertificateDoesNotCarryIsRefused() throws Exception {
    start(Map.of());
    ClientTls wrongName =
        ClientTls.load(
            Optional.of(caFile), Optional.empty(), Optional.empty(), Optional.of("ris.example"));
    assertThrows(
        SSLHandshakeException.class,
        () -> MllpClient.connect("127.0.0.1", port, TIMEOUT, TIMEOUT, wrongName));
  }

  @Test
  void anExpiredServerCertificateIsRefused() throws Exception {
    Instant now = Instant.now();
    Issued expired =
        TestCertificates.leaf(
            ca,
            "edge",
            101,
            now.minus(Duration.ofDays(30)),
            now.minus(Duration.ofDays(1)),
            TestCertificates.Algorithm.EC);
    expired.writeCertificate(certFile);
    expired.writeKey(keyFile);
    start(Map.of());
    SSLHandshakeException refused =
        assertThrows(
            SSLHandshakeException.class,
            () -> MllpClient.connect("localhost", port, TIMEOUT, TIMEOUT, trusting(caFile)));
    assertTrue(String.valueOf(refused.getMessage()).contains("valid"), refused.getMessage());
  }

  @Test
  void aClientWithoutACertificateIsRefusedWhenOneIsRequired() throws Exception {
    Issued clientCa = TestCertificates.authority("Clinic CA");
    Path clientCaFile = clientCa.writeCertificate(dir.resolve("clinic-ca.pem"));
    start(Map.of("clientCaFile", clientCaFile.toString(), "requireClientCert", true));

    // TLS 1.3 finishes the client's side of the handshake before the server checks; the refusal
    // arrives as the connection's end instead of an ACK.
    assertThrows(
        IOException.class,
        () -> {
          try (MllpClient client =
              MllpClient.connect("localhost", port, TIMEOUT, TIMEOUT, trusting(caFile))) {
            exchange(client, "NOCERT");
          }
        });
    assertEquals(0, spool.received.get());
    awaitHandshakeFailures(1);

    Issued clinic = TestCertificates.leaf(clientCa, "clinic", 7);
    ClientTls withCertificate =
        ClientTls.load(
            Optional.of(caFile),
            Optional.of(clinic.writeCertificate(dir.resolve("clinic.pem"))),
            Optional.of(clinic.writeTraditionalKey(dir.resolve("clinic.key"))),
            Optional.empty());
    try (MllpClient client =
        MllpClient.connect("localhost", port, TIMEOUT, TIMEOUT, withCertificate)) {
      assertEquals("AA", exchange(client, "WITHCERT"));
    }
    assertEquals(1, handshakeLog.list.size(), "one line per failed handshake");
  }

  @Test
  void aPlaintextSenderIsLoggedOnceWithItsPeerAndClosed() throws Exception {
    start(Map.of());
    try (MllpClient plain = MllpClient.connect("127.0.0.1", port, TIMEOUT)) {
      plain.send(TestMessages.message("PLAIN").payload());
      assertThrows(IOException.class, plain::receive);
    }
    awaitHandshakeFailures(1);
    Thread.sleep(200);
    assertEquals(1, handshakeLog.list.size());
    String line = handshakeLog.list.get(0).getFormattedMessage();
    assertTrue(line.startsWith("TLS handshake failed peer=/127.0.0.1:"), line);
    assertTrue(line.contains("reason="), line);
    assertTrue(line.contains("not a TLS record"), line);
    // Netty's own message for this case is a hex dump of the bytes received: the message itself.
    assertTrue(!line.contains("MSH") && !line.toLowerCase().contains("4d5348"), line);
    assertTrue(line.length() < 200, line);
    assertEquals(0, spool.received.get());
  }

  @Test
  void aRenewedCertificateIsServedToNewConnectionsWithoutARestart() throws Exception {
    start(Map.of("reloadCheckSeconds", 1));
    ClientTls client = trusting(caFile);
    try (MllpClient open = MllpClient.connect("localhost", port, TIMEOUT, TIMEOUT, client)) {
      assertEquals(BigInteger.valueOf(100), servedSerial(client));

      Issued renewed = TestCertificates.leaf(ca, "edge", 200);
      renewed.writeKey(keyFile);
      renewed.writeCertificate(certFile);
      long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
      BigInteger served = servedSerial(client);
      while (!served.equals(BigInteger.valueOf(200)) && System.nanoTime() < deadline) {
        Thread.sleep(100);
        served = servedSerial(client);
      }
      assertEquals(BigInteger.valueOf(200), served);
      // The connection opened before the renewal goes on with its session.
      assertEquals("AA", exchange(open, "BEFORE"));
    }
  }

  private BigInteger servedSerial(ClientTls client) throws IOException {
    Socket plain = new Socket("127.0.0.1", port);
    try (SSLSocket socket = client.handshake(plain, "localhost")) {
      return ((X509Certificate) socket.getSession().getPeerCertificates()[0]).getSerialNumber();
    }
  }

  private void awaitHandshakeFailures(int count) throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (handshakeLog.list.size() < count && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertEquals(count, handshakeLog.list.size(), handshakeLog.list.toString());
  }
}
