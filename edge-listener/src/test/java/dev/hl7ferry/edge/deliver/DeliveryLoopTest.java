package dev.hl7ferry.edge.deliver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hl7ferry.edge.deliver.ScriptedMllpServer.Reply;
import dev.hl7ferry.edge.retry.Backoff;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeliveryLoopTest {
  private final InMemoryOutboundQueue queue = new InMemoryOutboundQueue();
  private final List<AutoCloseable> toClose = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (int i = toClose.size() - 1; i >= 0; i--) {
      toClose.get(i).close();
    }
  }

  private static DeliveryPolicy policy(OnApplicationError onError, int maxAttempts) {
    return new DeliveryPolicy(
        onError,
        maxAttempts,
        new Backoff(Duration.ofMillis(10), Duration.ofMillis(40), () -> 0.5),
        Duration.ofMillis(50));
  }

  private ScriptedMllpServer server(Reply... replies) throws IOException {
    ScriptedMllpServer server = ScriptedMllpServer.start().then(replies);
    toClose.add(server);
    return server;
  }

  private void loop(String name, int port, DeliveryPolicy policy) {
    MllpDestination d =
        new MllpDestination(name, "127.0.0.1", port, Duration.ofSeconds(1), Duration.ofMillis(300));
    DeliveryLoop loop = new DeliveryLoop(d, queue, policy);
    toClose.add(loop);
    loop.start();
  }

  private static List<String> controlIds(List<String> messages) {
    return messages.stream().map(m -> ScriptedMllpServer.field(m, 9)).toList();
  }

  @Test
  void transientFailuresAreRetriedAtTheHeadOfTheLineBeforeTheNextOutputIsSent() throws Exception {
    ScriptedMllpServer server = server(Reply.AR, Reply.SILENT, Reply.WRONG_CONTROL_ID, Reply.AA);
    queue.add(TestOutputs.hl7("lis", "C1"));
    queue.add(TestOutputs.hl7("lis", "C2"));
    loop("lis", server.port(), policy(OnApplicationError.DEAD_LETTER, 3));
    queue.awaitEnded(2);
    assertEquals(List.of("C1", "C1", "C1", "C1", "C2"), controlIds(server.received()));
    assertEquals(
        List.of(
            "attempt id-C1 TRANSIENT_FAILURE",
            "attempt id-C1 TRANSIENT_FAILURE",
            "attempt id-C1 TRANSIENT_FAILURE",
            "delivered id-C1 AA",
            "delivered id-C2 AA"),
        queue.events());
  }

  /** Found by scripts/chaos (disk full): a failed mark used to send the delivered output again. */
  @Test
  void aDeliveredOutputWhoseMarkFailsIsMarkedAgainNotSentAgain() throws Exception {
    ScriptedMllpServer server = server(Reply.AA, Reply.AA);
    queue.failMarks(2);
    queue.add(TestOutputs.hl7("lis", "C1"));
    queue.add(TestOutputs.hl7("lis", "C2"));
    loop("lis", server.port(), policy(OnApplicationError.DEAD_LETTER, 3));
    queue.awaitEnded(2);
    assertEquals(List.of("C1", "C2"), controlIds(server.received()));
    assertEquals(
        List.of(
            "mark failed id-C1", "mark failed id-C1", "delivered id-C1 AA", "delivered id-C2 AA"),
        queue.events());
  }

  @Test
  void anOutputRefusedMaxAttemptsTimesIsDeadLetteredAndTheNextOneGoes() throws Exception {
    ScriptedMllpServer server = server(Reply.AE, Reply.AR, Reply.AE, Reply.AE);
    queue.add(TestOutputs.hl7("lis", "C1"));
    queue.add(TestOutputs.hl7("lis", "C2"));
    loop("lis", server.port(), policy(OnApplicationError.DEAD_LETTER, 3));
    queue.awaitEnded(2);
    // The AR in between is transient and does not count towards the three application errors.
    assertEquals(List.of("C1", "C1", "C1", "C1", "C2"), controlIds(server.received()));
    assertEquals(
        List.of(
            "attempt id-C1 APPLICATION_ERROR",
            "attempt id-C1 TRANSIENT_FAILURE",
            "attempt id-C1 APPLICATION_ERROR",
            "dead id-C1 AE",
            "delivered id-C2 AA"),
        queue.events());
  }

  @Test
  void withMaxAttemptsOneTheFirstApplicationErrorDeadLetters() throws Exception {
    ScriptedMllpServer server = server(Reply.AE);
    queue.add(TestOutputs.hl7("lis", "C1"));
    loop("lis", server.port(), policy(OnApplicationError.DEAD_LETTER, 1));
    queue.awaitEnded(1);
    assertEquals(List.of("dead id-C1 AE"), queue.events());
  }

  @Test
  void withOnApplicationErrorRetryAnAeIsRetriedUntilDelivered() throws Exception {
    ScriptedMllpServer server = server(Reply.AE, Reply.AE, Reply.AE, Reply.AE);
    queue.add(TestOutputs.hl7("lis", "C1"));
    loop("lis", server.port(), policy(OnApplicationError.RETRY, 1));
    queue.awaitEnded(1);
    assertEquals(5, server.received().size());
    assertEquals(List.of(), queue.deadLettered());
    assertEquals("delivered id-C1 AA", queue.events().get(4));
  }

  @Test
  void aDestinationThatIsDownHoldsUpOnlyItself() throws Exception {
    int downPort = freePort();
    ScriptedMllpServer up = server();
    queue.add(TestOutputs.hl7("down", "D1"));
    for (int i = 1; i <= 5; i++) {
      queue.add(TestOutputs.hl7("up", "U" + i));
    }
    loop("down", downPort, policy(OnApplicationError.DEAD_LETTER, 3));
    loop("up", up.port(), policy(OnApplicationError.DEAD_LETTER, 3));
    queue.awaitEnded(5);
    assertEquals(List.of("U1", "U2", "U3", "U4", "U5"), controlIds(up.received()));
    assertTrue(
        queue.events().contains("attempt id-D1 TRANSIENT_FAILURE"), queue.events().toString());
    assertTrue(queue.delivered().stream().noneMatch(o -> o.destination().equals("down")));
  }

  @Test
  void aDestinationThatComesBackGetsTheOutputThatWaited() throws Exception {
    int port = freePort();
    queue.add(TestOutputs.hl7("lis", "C1"));
    loop("lis", port, policy(OnApplicationError.DEAD_LETTER, 3));
    queue.awaitEvents(2); // two failed attempts while it is down
    ScriptedMllpServer server = ScriptedMllpServer.start(port);
    toClose.add(server);
    queue.awaitEnded(1);
    assertEquals(List.of("C1"), controlIds(server.received()));
    assertEquals("delivered id-C1 AA", queue.events().get(queue.events().size() - 1));
  }

  private static int freePort() throws IOException {
    try (ServerSocket probe = new ServerSocket(0)) {
      return probe.getLocalPort();
    }
  }
}
