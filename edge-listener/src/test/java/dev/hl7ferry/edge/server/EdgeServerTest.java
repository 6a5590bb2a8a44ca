package dev.hl7ferry.edge.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hl7ferry.edge.cli.FerryEdge;
import dev.hl7ferry.edge.client.AckReply;
import dev.hl7ferry.edge.client.MllpClient;
import dev.hl7ferry.edge.config.ConfigLoader;
import dev.hl7ferry.edge.config.EdgeConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A real server on port 0, driven by the send command and by a pipelining client. */
class EdgeServerTest {
  private final RecordingSpool spool = new RecordingSpool();
  private EdgeServer server;
  private int port;

  @BeforeEach
  void start() throws Exception {
    EdgeConfig config =
        new ConfigLoader()
            .load(null, Map.of("listener.port", 0, "listener.bindAddress", "127.0.0.1"));
    server =
        DaggerTestEdgeComponent.factory()
            .create(config, spool, java.time.Clock.systemUTC())
            .server();
    port = server.start().getPort();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static Path resource(String name) throws Exception {
    return Path.of(EdgeServerTest.class.getResource("/messages/" + name).toURI());
  }

  private record Run(int exitCode, String out, String err) {}

  private Run send(Path... files) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = FerryEdge.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    List<String> args = new ArrayList<>(List.of("send", "--port", String.valueOf(port)));
    for (Path f : files) {
      args.add(f.toString());
    }
    int code = cli.execute(args.toArray(String[]::new));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void refusesConnectionsBeyondTheConfiguredLimit() throws Exception {
    server.close();
    EdgeConfig config =
        new ConfigLoader()
            .load(
                null,
                Map.of(
                    "listener.port", 0,
                    "listener.bindAddress", "127.0.0.1",
                    "listener.maxConnections", 2));
    server =
        DaggerTestEdgeComponent.factory()
            .create(config, spool, java.time.Clock.systemUTC())
            .server();
    port = server.start().getPort();
    Duration timeout = Duration.ofSeconds(5);
    List<MllpClient> clients = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        clients.add(MllpClient.connect("127.0.0.1", port, timeout));
      }
      // Connections are accepted on different event loops: which one is refused is not fixed.
      List<MllpClient> open =
          clients.stream().filter(c -> c.stillOpen(Duration.ofMillis(500))).toList();
      assertEquals(2, open.size(), "exactly one of three connections is refused");
      for (MllpClient client : open) {
        client.send(
            "MSH|^~\\&|A|B|C|D|20260101||ADT^A01|L1|P|2.5\rPID|1\r"
                .getBytes(StandardCharsets.ISO_8859_1));
        assertEquals("AA", AckReply.parse(client.receive()).code());
      }
    } finally {
      for (MllpClient client : clients) {
        client.close();
      }
    }
  }

  @Test
  void sendCommandDeliversEveryMessageOfAFileAndExitsZero() throws Exception {
    Run run = send(resource("three-messages.hl7"));
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("sent 3 messages: 3 accepted"), run.out());
    assertEquals(List.of("S1", "S2", "S3"), spool.controlIds());
    assertTrue(
        new String(spool.stored.get(1).payload(), StandardCharsets.ISO_8859_1)
            .startsWith(
                "MSH|^~\\&|LAB|HOSP|FERRY|CLOUD|20260101120001||ADT^A08^ADT_A01|S2|P|2.5.1\rEVN"));
  }

  @Test
  void sendCommandExitsNonZeroOnANegativeAck() throws Exception {
    Run run = send(resource("three-messages.hl7"), resource("missing-control-id.hl7"));
    assertEquals(1, run.exitCode());
    assertTrue(run.out().contains("3 accepted, 1 negative"), run.out());
    assertTrue(run.err().contains("AE 101"), run.err());
  }

  @Test
  void pipelinedMessagesAreAcknowledgedInTheOrderTheyWereSent() throws Exception {
    try (MllpClient client = MllpClient.connect("127.0.0.1", port, Duration.ofSeconds(10))) {
      int count = 200;
      for (int i = 0; i < count; i++) {
        client.write(
            ("MSH|^~\\&|A|B|C|D|20260101||ADT^A01|P" + i + "|P|2.5\rPID|1\r")
                .getBytes(StandardCharsets.ISO_8859_1));
      }
      client.flush();
      for (int i = 0; i < count; i++) {
        AckReply ack = AckReply.parse(client.receive());
        assertEquals("AA", ack.code());
        assertEquals("P" + i, ack.acknowledgedControlId());
      }
    }
  }

  @Test
  void gracefulStopWaitsForInFlightStoresAndAcksThenClosesTheSpool() throws Exception {
    spool.gated = true;
    MllpClient client = MllpClient.connect("127.0.0.1", port, Duration.ofSeconds(10));
    client.send(
        "MSH|^~\\&|A|B|C|D|20260101||ADT^A01|G1|P|2.5\rPID|1\r"
            .getBytes(StandardCharsets.ISO_8859_1));
    while (spool.received.get() == 0) {
      Thread.sleep(5);
    }
    Thread stopper = new Thread(server::close);
    stopper.start();
    Thread.sleep(200);
    assertFalse(spool.closed, "the store is still in flight");
    spool.gate.countDown();
    assertEquals("G1", AckReply.parse(client.receive()).acknowledgedControlId());
    stopper.join(5000);
    assertTrue(spool.closed);
    client.close();
  }
}
