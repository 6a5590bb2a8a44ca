package dev.hl7ferry.edge.deliver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hl7ferry.core.ack.AckOutcome;
import dev.hl7ferry.edge.config.ConfigException;
import dev.hl7ferry.edge.config.OutboundConfig;
import dev.hl7ferry.edge.retry.Backoff;
import dev.hl7ferry.edge.sink.MllpSink;
import dev.hl7ferry.edge.tls.ServerTls;
import dev.hl7ferry.edge.tls.ServerTlsContext;
import dev.hl7ferry.edge.tls.TestCertificates;
import dev.hl7ferry.edge.tls.TestCertificates.Issued;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outbound {@code mllp} destinations over TLS, built from their YAML, delivering over real sockets
 * to a sink that speaks TLS only, with certificates made here.
 */
class MllpTlsDeliveryTest {
  @TempDir Path dir;
  private final InMemoryOutboundQueue queue = new InMemoryOutboundQueue();
  private final List<AutoCloseable> toClose = new ArrayList<>();
  private Path caFile;
  private Path sinkCert;
  private Path sinkKey;

  @BeforeEach
  void certificates() throws Exception {
    Issued ca = TestCertificates.authority("Hospital CA");
    caFile = ca.writeCertificate(dir.resolve("ca.pem"));
    Issued leaf = TestCertificates.leaf(ca, "lis", 10);
    sinkCert = leaf.writeCertificate(dir.resolve("lis.pem"));
    sinkKey = leaf.writeKey(dir.resolve("lis.key"));
  }

  @AfterEach
  void stop() throws Exception {
    for (int i = toClose.size() - 1; i >= 0; i--) {
      toClose.get(i).close();
    }
  }

  private MllpSink sink(Optional<Path> clientCa) throws Exception {
    ServerTlsContext tls =
        ServerTlsContext.open(
            new ServerTls(
                sinkCert, sinkKey, clientCa, clientCa.isPresent(), Duration.ofMinutes(1)));
    MllpSink sink = new MllpSink("127.0.0.1", 0, dir.resolve("sink"), AckOutcome.ACCEPT, tls);
    toClose.add(sink);
    sink.start();
    return sink;
  }

  private int port(MllpSink sink) throws Exception {
    return sink.start().getPort();
  }

  /** The destination as the edge builds it from {@code outbound.destinations.lis}. */
  private Destination destination(int port, String tls) throws ConfigException {
    String yaml =
        "outbound:\n  destinations:\n    lis: {type: mllp, host: 127.0.0.1, port: "
            + port
            + ", connectTimeoutMillis: 2000, ackTimeoutMillis: 2000, tls: "
            + tls
            + "}\n";
    OutboundConfig config = OutboundConfig.parse(yaml);
    Destination d = config.destinations().get("lis").open("lis", Map.of(), Clock.systemUTC());
    toClose.add(d);
    return d;
  }

  private void loop(Destination d) {
    DeliveryLoop loop =
        new DeliveryLoop(
            d,
            queue,
            new DeliveryPolicy(
                OnApplicationError.DEAD_LETTER,
                3,
                new Backoff(Duration.ofMillis(20), Duration.ofMillis(50), () -> 0.5),
                Duration.ofMillis(50)));
    toClose.add(loop);
    loop.start();
  }

  @Test
  void outputsReachASinkThatSpeaksOnlyTlsInOrder() throws Exception {
    MllpSink sink = sink(Optional.empty());
    queue.add(TestOutputs.hl7("lis", "T1"));
    queue.add(TestOutputs.hl7("lis", "T2"));
    loop(destination(port(sink), "{enabled: true, caFile: " + caFile + ", serverName: localhost}"));
    queue.awaitEnded(2);
    assertEquals(List.of("delivered id-T1 AA", "delivered id-T2 AA"), queue.events());
    assertEquals(2, sink.received());
    try (Stream<Path> files = Files.list(dir.resolve("sink"))) {
      assertEquals(2, files.count());
    }
  }

  @Test
  void aSinkWhoseCertificateIsFromAnotherCaIsRefusedAndTheOutputStaysQueued() throws Exception {
    MllpSink sink = sink(Optional.empty());
    Path otherCa =
        TestCertificates.authority("Other CA").writeCertificate(dir.resolve("other-ca.pem"));
    queue.add(TestOutputs.hl7("lis", "W1"));
    loop(destination(port(sink), "{enabled: true, caFile: " + otherCa + "}"));
    queue.awaitEvents(2);
    assertEquals(1, queue.pending("lis"));
    assertTrue(queue.events().stream().allMatch(e -> e.equals("attempt id-W1 TRANSIENT_FAILURE")));
    String reason = queue.lastFailure().detail();
    assertTrue(reason.startsWith("TLS handshake with 127.0.0.1:"), reason);
    assertTrue(reason.contains("PKIX path building failed"), reason);
    assertEquals(0, sink.received());
  }

  @Test
  void aClientCertificateIsPresentedWhenTheSinkRequiresOne() throws Exception {
    Issued clinicCa = TestCertificates.authority("Edge CA");
    Path clinicCaFile = clinicCa.writeCertificate(dir.resolve("edge-ca.pem"));
    Issued edge = TestCertificates.leaf(clinicCa, "edge", 20);
    Path edgeCert = edge.writeCertificate(dir.resolve("edge.pem"));
    Path edgeKey = edge.writeKey(dir.resolve("edge.key"));
    MllpSink sink = sink(Optional.of(clinicCaFile));
    int port = port(sink);

    DeliveryResult without =
        destination(port, "{enabled: true, caFile: " + caFile + "}")
            .deliver(TestOutputs.hl7("lis", "M1"));
    assertEquals(DeliveryOutcome.TRANSIENT_FAILURE, without.outcome(), without.detail());
    assertEquals(0, sink.received());

    DeliveryResult with =
        destination(
                port,
                "{enabled: true, caFile: "
                    + caFile
                    + ", certificateFile: "
                    + edgeCert
                    + ", privateKeyFile: "
                    + edgeKey
                    + "}")
            .deliver(TestOutputs.hl7("lis", "M2"));
    assertEquals(DeliveryOutcome.DELIVERED, with.outcome(), with.detail());
    assertEquals(1, sink.received());
  }

  @Test
  void aClientCertificateWithoutItsKeyIsAConfigErrorNamingTheKey() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> destination(1, "{enabled: true, certificateFile: " + sinkCert + "}"));
    assertTrue(
        e.getMessage().contains("outbound.destinations.lis.tls.certificateFile"), e.getMessage());
  }
}
