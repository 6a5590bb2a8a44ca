package dev.hl7ferry.edge.sink;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hl7ferry.core.ack.AckOutcome;
import dev.hl7ferry.edge.cli.FerryEdge;
import dev.hl7ferry.edge.client.AckReply;
import dev.hl7ferry.edge.client.MllpClient;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MllpSinkTest {
  @TempDir Path dir;

  private static byte[] message(String controlId) {
    return ("MSH|^~\\&|FERRY|EDGE|LIS|HOSP|20260308000000||ORU^R01^ORU_R01|"
            + controlId
            + "|P|2.5.1\rPID|1||12345^^^HOSP^MR||DOE^JANE\r")
        .getBytes(StandardCharsets.ISO_8859_1);
  }

  private List<Path> files() throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }

  @Test
  void eachMessageIsAcknowledgedAaAndWrittenAsItsOwnFile() throws Exception {
    try (MllpSink sink = new MllpSink("127.0.0.1", 0, dir, AckOutcome.ACCEPT)) {
      InetSocketAddress address = sink.start();
      try (MllpClient client =
          MllpClient.connect("127.0.0.1", address.getPort(), Duration.ofSeconds(5))) {
        for (String id : List.of("C1", "C2", "C/3")) {
          client.send(message(id));
          AckReply ack = AckReply.parse(client.receive());
          assertEquals("AA", ack.code());
          assertEquals(id, ack.acknowledgedControlId());
        }
      }
      assertEquals(3, sink.received());
    }
    List<Path> files = files();
    assertEquals(
        List.of("C1-00000001.hl7", "C2-00000002.hl7", "C_3-00000003.hl7"),
        files.stream().map(p -> p.getFileName().toString()).toList());
    assertArrayEquals(message("C1"), Files.readAllBytes(files.get(0)));
  }

  @Test
  void aCountingSinkAcknowledgesEachMessageOnItsEventLoopAndWritesNoFile() throws Exception {
    try (MllpSink sink = new MllpSink("127.0.0.1", 0, null, AckOutcome.ACCEPT)) {
      AtomicReference<String> answeredOn = new AtomicReference<>();
      sink.onStored(payload -> answeredOn.set(Thread.currentThread().getName()));
      InetSocketAddress address = sink.start();
      try (MllpClient client =
          MllpClient.connect("127.0.0.1", address.getPort(), Duration.ofSeconds(5))) {
        for (String id : List.of("C1", "C2")) {
          client.send(message(id));
          AckReply ack = AckReply.parse(client.receive());
          assertEquals("AA", ack.code());
          assertEquals(id, ack.acknowledgedControlId());
        }
      }
      assertEquals(2, sink.received());
      assertTrue(
          answeredOn.get().startsWith("multiThreadIoEventLoopGroup"),
          "answered on " + answeredOn.get());
    }
    assertEquals(List.of(), files());
  }

  @Test
  void theSinkAnswersAeWhenToldToAndStillKeepsTheMessage() throws Exception {
    try (MllpSink sink = new MllpSink("127.0.0.1", 0, dir, AckOutcome.ERROR)) {
      InetSocketAddress address = sink.start();
      try (MllpClient client =
          MllpClient.connect("127.0.0.1", address.getPort(), Duration.ofSeconds(5))) {
        client.send(message("C1"));
        AckReply ack = AckReply.parse(client.receive());
        assertEquals("AE", ack.code());
        assertEquals("C1", ack.acknowledgedControlId());
      }
      assertEquals(1, sink.received());
    }
  }

  @Test
  void anUnreadableMessageGetsAnArAndNoFile() throws Exception {
    try (MllpSink sink = new MllpSink("127.0.0.1", 0, dir, AckOutcome.ACCEPT)) {
      InetSocketAddress address = sink.start();
      try (MllpClient client =
          MllpClient.connect("127.0.0.1", address.getPort(), Duration.ofSeconds(5))) {
        client.send("not hl7".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals("AR", AckReply.parse(client.receive()).code());
      }
      assertEquals(0, sink.received());
    }
    assertTrue(files().isEmpty());
  }

  @Test
  void theSinkIsASubcommandOfFerryEdge() {
    assertTrue(FerryEdge.commandLine().getSubcommands().containsKey("sink"));
  }
}
