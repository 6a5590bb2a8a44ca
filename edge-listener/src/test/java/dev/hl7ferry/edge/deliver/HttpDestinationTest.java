package dev.hl7ferry.edge.deliver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpDestinationTest {
  private HttpServer server;
  private final ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
  private final List<byte[]> bodies = new CopyOnWriteArrayList<>();
  private final List<com.sun.net.httpserver.Headers> headers = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/in",
        exchange -> {
          bodies.add(exchange.getRequestBody().readAllBytes());
          headers.add(exchange.getRequestHeaders());
          Integer status = statuses.poll();
          exchange.sendResponseHeaders(status == null ? 200 : status, -1);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private HttpDestination destination(
      Map<String, String> headerVariables, Map<String, String> env) {
    URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/in");
    return new HttpDestination(
        "api", url, Duration.ofSeconds(2), Duration.ofSeconds(5), headerVariables, env);
  }

  @Test
  void a2xxIsDeliveredWithTheBodyContentTypeAndHeadersFromTheEnvironment() throws Exception {
    statuses.add(202);
    HttpDestination d =
        destination(Map.of("Authorization", "LIS_TOKEN"), Map.of("LIS_TOKEN", "Bearer s3cret"));
    Output output = TestOutputs.hl7("api", "C1");
    DeliveryResult r = d.deliver(output);
    assertEquals(DeliveryOutcome.DELIVERED, r.outcome());
    assertEquals("HTTP 202", r.detail());
    assertArrayEquals(output.payload(), bodies.get(0));
    assertEquals("application/hl7-v2", headers.get(0).getFirst("Content-Type"));
    assertEquals("Bearer s3cret", headers.get(0).getFirst("Authorization"));
  }

  @Test
  void a500IsTransientAndTheResendSucceeds() throws Exception {
    statuses.add(500);
    HttpDestination d = destination(Map.of(), Map.of());
    assertEquals(
        DeliveryOutcome.TRANSIENT_FAILURE, d.deliver(TestOutputs.hl7("api", "C1")).outcome());
    assertEquals(DeliveryOutcome.DELIVERED, d.deliver(TestOutputs.hl7("api", "C1")).outcome());
    assertEquals(2, bodies.size());
  }

  @Test
  void a400IsAnApplicationErrorBut408And429AreTransient() throws Exception {
    statuses.addAll(List.of(400, 408, 429));
    HttpDestination d = destination(Map.of(), Map.of());
    assertEquals(
        DeliveryOutcome.APPLICATION_ERROR, d.deliver(TestOutputs.hl7("api", "C1")).outcome());
    assertEquals(
        DeliveryOutcome.TRANSIENT_FAILURE, d.deliver(TestOutputs.hl7("api", "C1")).outcome());
    assertEquals(
        DeliveryOutcome.TRANSIENT_FAILURE, d.deliver(TestOutputs.hl7("api", "C1")).outcome());
  }

  @Test
  void aServerThatIsDownIsTransient() throws Exception {
    HttpDestination d = destination(Map.of(), Map.of());
    server.stop(0);
    assertEquals(
        DeliveryOutcome.TRANSIENT_FAILURE, d.deliver(TestOutputs.hl7("api", "C1")).outcome());
  }

  @Test
  void aMissingEnvironmentVariableIsNamedWithoutAnyValue() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> destination(Map.of("Authorization", "LIS_TOKEN"), Map.of()));
    assertEquals(
        "destination api: header Authorization needs environment variable LIS_TOKEN, which is not"
            + " set",
        e.getMessage());
    assertTrue(HttpDestination.judge(302).outcome() == DeliveryOutcome.APPLICATION_ERROR);
  }
}
