package dev.hl7ferry.edge.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.hl7ferry.edge.client.AckReply;
import dev.hl7ferry.edge.config.ConfigException;
import dev.hl7ferry.edge.config.ConfigLoader;
import dev.hl7ferry.edge.config.EdgeConfig;
import dev.hl7ferry.edge.connection.OutsideFrameTimeout;
import dev.hl7ferry.edge.connection.RefusalLog;
import dev.hl7ferry.edge.mllp.Mllp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Who may connect, over real sockets: two listeners with their own allow lists (peers on 127.0.0.2
 * and 127.0.0.3, which Linux routes over loopback), the per-address cap, the accept rate and the
 * timeout for a connection that never starts a frame.
 */
class WhoMayConnectTest {
  @TempDir Path dir;
  private final RecordingSpool spool = new RecordingSpool();
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private final List<Socket> sockets = new ArrayList<>();
  private EdgeServer server;

  @BeforeEach
  void capture() {
    logged.start();
    ((Logger) LoggerFactory.getLogger(RefusalLog.class)).addAppender(logged);
    ((Logger) LoggerFactory.getLogger(OutsideFrameTimeout.class)).addAppender(logged);
  }

  @AfterEach
  void stop() throws IOException {
    ((Logger) LoggerFactory.getLogger(RefusalLog.class)).detachAppender(logged);
    ((Logger) LoggerFactory.getLogger(OutsideFrameTimeout.class)).detachAppender(logged);
    for (Socket s : sockets) {
      s.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private EdgeConfig config(String yaml) throws Exception {
    Path file = dir.resolve("edge.yaml");
    Files.writeString(file, yaml);
    return new ConfigLoader().load(file, Map.of());
  }

  private void start(String yaml) throws Exception {
    server =
        DaggerTestEdgeComponent.factory().create(config(yaml), spool, Clock.systemUTC()).server();
    server.start();
  }

  private int port(String listener) {
    return server.addresses().get(listener).getPort();
  }

  private Socket connect(String from, int port) throws IOException {
    Socket socket = new Socket();
    sockets.add(socket);
    socket.bind(new InetSocketAddress(from, 0));
    socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
    socket.setSoTimeout(5_000);
    return socket;
  }

  /** Sends one message and returns its ACK code, or "closed" when the edge closed instead. */
  private static String exchange(Socket socket, String controlId) throws Exception {
    String message =
        "MSH|^~\\&|LAB|CLINIC|FERRY|EDGE|20260101||ADT^A01|" + controlId + "|P|2.5\rPID|1\r";
    ByteArrayOutputStream frame = new ByteArrayOutputStream();
    frame.write(Mllp.START);
    frame.write(message.getBytes(StandardCharsets.ISO_8859_1));
    frame.write(Mllp.END);
    frame.write(Mllp.CR);
    try {
      socket.getOutputStream().write(frame.toByteArray());
      InputStream in = socket.getInputStream();
      int b = in.read();
      if (b < 0) {
        return "closed";
      }
      ByteArrayOutputStream reply = new ByteArrayOutputStream();
      while ((b = in.read()) >= 0 && b != Mllp.END) {
        reply.write(b);
      }
      return AckReply.parse(reply.toByteArray()).code();
    } catch (IOException e) {
      if (e instanceof SocketTimeoutException) {
        throw e;
      }
      return "closed"; // reset by the edge
    }
  }

  private static boolean closedByTheEdge(Socket socket) throws IOException {
    try {
      return socket.getInputStream().read() < 0;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  private long refusalLines() {
    return logged.list.stream()
        .filter(e -> e.getFormattedMessage().startsWith("refused connection"))
        .count();
  }

  @Test
  void eachListenerLetsInOnlyItsAllowList() throws Exception {
    start(
        "listener: {bindAddress: 127.0.0.1, port: 0, allow: [127.0.0.2/32]}\n"
            + "listeners:\n"
            + "  - {name: second, bindAddress: 127.0.0.1, port: 0, allow: [127.0.0.3]}\n");
    assertEquals("AA", exchange(connect("127.0.0.2", port("mllp")), "A1"));
    assertEquals("closed", exchange(connect("127.0.0.3", port("mllp")), "A2"));
    assertEquals("AA", exchange(connect("127.0.0.3", port("second")), "A3"));
    assertEquals("closed", exchange(connect("127.0.0.2", port("second")), "A4"));
    assertEquals("closed", exchange(connect("127.0.0.2", port("second")), "A5"));
    assertEquals(2, spool.stored.size());
    // Three refusals, two addresses: the repeat within the minute is counted, not logged.
    assertEquals(2, refusalLines());
    String line = logged.list.get(0).getFormattedMessage();
    assertTrue(
        line.contains("peer=127.0.0.3 listener=mllp reason=not in the listener's allow list"),
        line);
  }

  @Test
  void aPeerOverItsConnectionCapIsRefusedWhileAnotherAddressStillGetsIn() throws Exception {
    start(
        "listener: {bindAddress: 127.0.0.1, port: 0, allow: [127.0.0.0/8],"
            + " maxConnectionsPerIp: 2}\n");
    Socket first = connect("127.0.0.2", port("mllp"));
    Socket second = connect("127.0.0.2", port("mllp"));
    assertEquals("AA", exchange(first, "C1"));
    assertEquals("AA", exchange(second, "C2"));
    assertEquals("closed", exchange(connect("127.0.0.2", port("mllp")), "C3"));
    assertEquals("AA", exchange(connect("127.0.0.3", port("mllp")), "C4"));
    first.close();
    Thread.sleep(200); // the edge sees the close and frees the slot
    assertEquals("AA", exchange(connect("127.0.0.2", port("mllp")), "C5"));
    assertTrue(
        logged.list.get(0).getFormattedMessage().contains("limit of 2 connections from one"));
  }

  @Test
  void connectionsBeyondTheAcceptBurstAreRefusedUntilTokensRefill() throws Exception {
    start(
        "listener: {bindAddress: 127.0.0.1, port: 0, allow: [127.0.0.0/8],"
            + " acceptRatePerSecond: 1, acceptBurst: 3}\n");
    List<Socket> four = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      four.add(connect("127.0.0.2", port("mllp")));
    }
    // Each connection becomes active on its own event loop, so which of the four comes last is
    // not the order of connect(): exactly one of them is refused.
    List<String> answers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      answers.add(exchange(four.get(i), "R" + i));
    }
    assertEquals(3, answers.stream().filter("AA"::equals).count(), answers.toString());
    assertEquals(1, answers.stream().filter("closed"::equals).count(), answers.toString());
    Thread.sleep(1_100);
    assertEquals("AA", exchange(connect("127.0.0.2", port("mllp")), "R4"));
    assertTrue(logged.list.get(0).getFormattedMessage().contains("accept rate 1/s (burst 3)"));
  }

  @Test
  void aConnectionThatSendsOnlyJunkIsClosedWithOneReason() throws Exception {
    start(
        "listener: {bindAddress: 127.0.0.1, port: 0, outsideFrameTimeoutSeconds: 1,"
            + " idleTimeoutSeconds: 600}\n");
    Socket junk = connect("127.0.0.1", port("mllp"));
    Socket quiet = connect("127.0.0.1", port("mllp"));
    long started = System.nanoTime();
    for (int i = 0; i < 5; i++) {
      junk.getOutputStream().write("GET / HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
      Thread.sleep(100);
    }
    assertTrue(closedByTheEdge(junk));
    assertTrue(closedByTheEdge(quiet));
    long tookMillis = (System.nanoTime() - started) / 1_000_000;
    assertTrue(tookMillis >= 900 && tookMillis < 4_000, tookMillis + " ms");
    List<String> lines =
        logged.list.stream()
            .map(ILoggingEvent::getFormattedMessage)
            .filter(l -> l.contains("reason=no MLLP start block within 1000 ms"))
            .toList();
    assertEquals(2, lines.size(), lines.toString());
    assertTrue(
        lines.stream().anyMatch(l -> l.contains("(80 bytes outside a frame)")), lines.toString());
  }

  @Test
  void theDefaultsListenOnLoopbackAndAllowOnlyLoopbackAndPrivateRanges() throws Exception {
    EdgeConfig defaults = new ConfigLoader().load(null, Map.of());
    assertEquals("127.0.0.1", defaults.listener().bindAddress());
    assertEquals(
        List.of(
            "127.0.0.0/8",
            "::1",
            "10.0.0.0/8",
            "172.16.0.0/12",
            "192.168.0.0/16",
            "fc00::/7",
            "fe80::/10"),
        defaults.listener().allow());
    assertEquals(List.of(), defaults.listeners());
  }

  @Test
  void listenerMistakesStopTheStartNamingTheKey() {
    assertProblem(
        "listener: {allow: []}\n",
        "listener.allow: must list at least one address range (0.0.0.0/0 and ::/0");
    assertProblem(
        "listener: {allow: [lis.example]}\n", "listener.allow[0]: 'lis.example' is not an IP");
    assertProblem(
        "listeners: [{name: mllp, bindAddress: 127.0.0.1, port: 2576}]\n",
        "listeners[0].name: 'mllp' names another listener already");
    assertProblem("listeners: [{name: b, port: 2576}]\n", "listeners[0].bindAddress: must be set");
    assertProblem(
        "listeners: [{name: b, bindAddress: 127.0.0.1, port: 2575}]\n",
        "listeners[0].port: 127.0.0.1:2575 is taken twice");
    assertProblem(
        "listeners: [{name: b, bindAddress: 127.0.0.1, port: 2576, tls: {enabled: true}}]\n",
        "listeners[0].tls.certificateFile: must be set when listeners[0].tls.enabled is true");
  }

  private void assertProblem(String yaml, String expected) {
    ConfigException e = assertThrows(ConfigException.class, () -> config(yaml));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
    assertFalse(e.getMessage().contains("Exception"), e.getMessage());
  }
}
