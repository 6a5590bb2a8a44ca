package dev.hl7ferry.e2e;

import dev.hl7ferry.core.error.Hl7ParseException;
import dev.hl7ferry.edge.client.AckReply;
import dev.hl7ferry.edge.client.MllpClient;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Sends messages to the edge over one MLLP connection, one at a time, collecting the ACKs. */
final class MllpSender {
  private MllpSender() {}

  static List<AckReply> sendAll(int port, List<byte[]> messages) throws IOException {
    List<AckReply> acks = new ArrayList<>(messages.size());
    try (MllpClient client = MllpClient.connect("127.0.0.1", port, Duration.ofSeconds(30))) {
      for (byte[] message : messages) {
        client.send(message);
        try {
          acks.add(AckReply.parse(client.receive()));
        } catch (Hl7ParseException e) {
          throw new IOException("the edge answered with an unreadable ACK", e);
        }
      }
    }
    return acks;
  }
}
