package dev.hl7ferry.edge.dist;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One MLLP round trip over a plain socket: the package test needs nothing from the edge's own
 * classes, it talks to the unpacked edge as any sender would.
 */
final class MllpExchange {
  private static final int START = 0x0B;
  private static final int END = 0x1C;

  private MllpExchange() {}

  /** Sends an ADT^A01 with control id {@code controlId} to localhost and returns the reply. */
  static String send(int port, String controlId) throws IOException {
    String message =
        "MSH|^~\\&|LAB|HOSP|FERRY|CLOUD|20260101120000||ADT^A01^ADT_A01|"
            + controlId
            + "|P|2.5.1\rPID|1||100\r";
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
      socket.setSoTimeout(30_000);
      socket.getOutputStream().write(START);
      socket.getOutputStream().write(message.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().write(new byte[] {END, '\r'});
      socket.getOutputStream().flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream reply = new ByteArrayOutputStream();
      int b = in.read();
      if (b != START) {
        throw new IOException("reply does not start with 0x0B: " + b);
      }
      while ((b = in.read()) != END) {
        if (b < 0) {
          throw new IOException("connection closed mid-reply: " + reply);
        }
        reply.write(b);
      }
      return reply.toString(StandardCharsets.ISO_8859_1);
    }
  }
}
