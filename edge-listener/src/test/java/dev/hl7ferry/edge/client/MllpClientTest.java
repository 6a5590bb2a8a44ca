package dev.hl7ferry.edge.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MllpClientTest {

  /** A server that accepts one connection and runs {@code script} on its output stream. */
  private interface Script {
    void play(OutputStream out) throws Exception;
  }

  private static byte[] frame(byte[] payload, boolean withCr) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0x0B);
    out.writeBytes(payload);
    out.write(0x1C);
    if (withCr) {
      out.write(0x0D);
    }
    return out.toByteArray();
  }

  private static byte[] text(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static void withServer(Script script, ClientCheck check) throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<Void> played =
          CompletableFuture.runAsync(
              () -> {
                try (Socket socket = server.accept()) {
                  OutputStream out = socket.getOutputStream();
                  script.play(out);
                  out.flush();
                  socket.shutdownOutput();
                  socket.getInputStream().read(); // until the client closes
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      try (MllpClient client =
          MllpClient.connect(
              "127.0.0.1", server.getLocalPort(), Duration.ofSeconds(5), Duration.ofSeconds(5))) {
        check.run(client);
      }
      played.get(5, TimeUnit.SECONDS);
    }
  }

  private interface ClientCheck {
    void run(MllpClient client) throws Exception;
  }

  @Test
  void aFrameArrivingInPiecesIsReadWhole() throws Exception {
    byte[] whole = frame(text("MSA|AA|C1"), true);
    withServer(
        out -> {
          for (byte b : whole) {
            out.write(b);
            out.flush();
            Thread.sleep(1);
          }
        },
        client -> assertArrayEquals(text("MSA|AA|C1"), client.receive()));
  }

  @Test
  void twoFramesInOneWriteAreReadOneByOneAndAMissingCrIsTolerated() throws Exception {
    ByteArrayOutputStream both = new ByteArrayOutputStream();
    both.writeBytes(frame(text("first"), false));
    both.writeBytes(frame(text("second"), true));
    withServer(
        out -> out.write(both.toByteArray()),
        client -> {
          assertArrayEquals(text("first"), client.receive());
          assertArrayEquals(text("second"), client.receive());
          assertThrows(EOFException.class, client::receive);
        });
  }

  @Test
  void aFrameLargerThanTheBufferIsReadWhole() throws Exception {
    byte[] big = new byte[300_000];
    Arrays.fill(big, (byte) 'x');
    withServer(
        out -> out.write(frame(big, true)), client -> assertArrayEquals(big, client.receive()));
  }

  @Test
  void theServerClosingInsideAFrameIsAnEndOfStream() throws Exception {
    withServer(
        out -> out.write(new byte[] {0x0B, 'M', 'S'}),
        client -> {
          EOFException e = assertThrows(EOFException.class, client::receive);
          assertEquals("connection closed inside a frame", e.getMessage());
        });
  }

  @Test
  void aProbeKeepsTheByteItSawForTheNextReceive() throws Exception {
    withServer(
        out -> out.write(frame(text("kept"), true)),
        client -> {
          Thread.sleep(50); // the frame has arrived
          assertTrue(client.stillOpen(Duration.ofMillis(5)));
          assertArrayEquals(text("kept"), client.receive());
        });
  }
}
