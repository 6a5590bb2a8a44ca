package dev.hl7ferry.edge.deliver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hl7ferry.edge.deliver.ScriptedMllpServer.Reply;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MllpDestinationTest {
  private ScriptedMllpServer server;
  private MllpDestination destination;

  private MllpDestination to(int port, Duration ackTimeout) {
    destination = new MllpDestination("lis", "127.0.0.1", port, Duration.ofSeconds(2), ackTimeout);
    return destination;
  }

  @AfterEach
  void stop() throws IOException {
    if (destination != null) {
      destination.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void anAaIsDeliveredAndTheConnectionIsKeptForTheNextMessage() throws Exception {
    server = ScriptedMllpServer.start();
    MllpDestination d = to(server.port(), Duration.ofSeconds(5));
    DeliveryResult first = d.deliver(TestOutputs.hl7("lis", "C1"));
    DeliveryResult second = d.deliver(TestOutputs.hl7("lis", "C2"));
    assertEquals(DeliveryOutcome.DELIVERED, first.outcome());
    assertEquals("AA", first.msa1());
    assertEquals(DeliveryOutcome.DELIVERED, second.outcome());
    assertEquals(1, server.connections());
    assertEquals(2, server.received().size());
  }

  @Test
  void aCaIsDelivered() throws Exception {
    server = ScriptedMllpServer.start().then(Reply.CA);
    DeliveryResult r =
        to(server.port(), Duration.ofSeconds(5)).deliver(TestOutputs.hl7("lis", "C1"));
    assertEquals(DeliveryOutcome.DELIVERED, r.outcome());
    assertEquals("CA", r.msa1());
  }

  @Test
  void anAeIsAnApplicationErrorCarryingTheErrText() throws Exception {
    server = ScriptedMllpServer.start().then(Reply.AE);
    MllpDestination d = to(server.port(), Duration.ofSeconds(5));
    DeliveryResult r = d.deliver(TestOutputs.hl7("lis", "C1"));
    assertEquals(DeliveryOutcome.APPLICATION_ERROR, r.outcome());
    assertEquals("AE", r.msa1());
    assertEquals("patient record locked", r.msa3());
    assertEquals(DeliveryOutcome.DELIVERED, d.deliver(TestOutputs.hl7("lis", "C2")).outcome());
    assertEquals(1, server.connections());
  }

  @Test
  void anArIsATransientFailure() throws Exception {
    server = ScriptedMllpServer.start().then(Reply.AR);
    DeliveryResult r =
        to(server.port(), Duration.ofSeconds(5)).deliver(TestOutputs.hl7("lis", "C1"));
    assertEquals(DeliveryOutcome.TRANSIENT_FAILURE, r.outcome());
    assertEquals("AR", r.msa1());
  }

  @Test
  void anAckForAnotherControlIdIsTransientAndTheConnectionIsReplaced() throws Exception {
    server = ScriptedMllpServer.start().then(Reply.WRONG_CONTROL_ID);
    MllpDestination d = to(server.port(), Duration.ofSeconds(5));
    DeliveryResult r = d.deliver(TestOutputs.hl7("lis", "C1"));
    assertEquals(DeliveryOutcome.TRANSIENT_FAILURE, r.outcome());
    assertTrue(r.detail().contains("OTHERC1"), r.detail());
    assertEquals(DeliveryOutcome.DELIVERED, d.deliver(TestOutputs.hl7("lis", "C1")).outcome());
    assertEquals(2, server.connections());
  }

  @Test
  void noAckWithinTheTimeoutIsTransientAndTheConnectionIsReplaced() throws Exception {
    server = ScriptedMllpServer.start().then(Reply.SILENT);
    MllpDestination d = to(server.port(), Duration.ofMillis(300));
    long start = System.nanoTime();
    DeliveryResult r = d.deliver(TestOutputs.hl7("lis", "C1"));
    long waitedMillis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(DeliveryOutcome.TRANSIENT_FAILURE, r.outcome());
    assertEquals("no ACK within 300 ms", r.detail());
    assertTrue(waitedMillis >= 250, "waited " + waitedMillis + " ms");
    assertEquals(DeliveryOutcome.DELIVERED, d.deliver(TestOutputs.hl7("lis", "C1")).outcome());
    assertEquals(2, server.connections());
  }

  @Test
  void aDestinationThatIsDownIsTransientUntilItComesUp() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    MllpDestination d = to(port, Duration.ofSeconds(5));
    DeliveryResult down = d.deliver(TestOutputs.hl7("lis", "C1"));
    assertEquals(DeliveryOutcome.TRANSIENT_FAILURE, down.outcome());
    assertTrue(down.detail().startsWith("cannot connect"), down.detail());
    server = ScriptedMllpServer.start(port);
    assertEquals(DeliveryOutcome.DELIVERED, d.deliver(TestOutputs.hl7("lis", "C1")).outcome());
  }

  @Test
  void aPeerThatClosedTheConnectionGetsTheNextMessageOnANewOne() throws Exception {
    server = ScriptedMllpServer.start();
    MllpDestination d = to(server.port(), Duration.ofSeconds(5));
    assertEquals(DeliveryOutcome.DELIVERED, d.deliver(TestOutputs.hl7("lis", "C1")).outcome());
    server.dropConnections();
    DeliveryResult afterRestart = d.deliver(TestOutputs.hl7("lis", "C2"));
    // Written into a dead socket the message is lost: a transient failure, then a new connection.
    if (!afterRestart.delivered()) {
      assertEquals(DeliveryOutcome.TRANSIENT_FAILURE, afterRestart.outcome());
      afterRestart = d.deliver(TestOutputs.hl7("lis", "C2"));
    }
    assertEquals(DeliveryOutcome.DELIVERED, afterRestart.outcome());
    assertEquals(2, server.connections());
  }

  @Test
  void anOutputWithoutAnMshIsAnApplicationErrorAndIsNotSent() throws Exception {
    server = ScriptedMllpServer.start();
    Output json =
        new Output("id-1", "lis", "", Output.JSON, "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
    DeliveryResult r = to(server.port(), Duration.ofSeconds(5)).deliver(json);
    assertEquals(DeliveryOutcome.APPLICATION_ERROR, r.outcome());
    assertEquals(0, server.connections());
  }
}
