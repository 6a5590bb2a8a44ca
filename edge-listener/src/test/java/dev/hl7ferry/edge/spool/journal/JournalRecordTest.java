package dev.hl7ferry.edge.spool.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hl7ferry.edge.spool.IncomingMessage;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JournalRecordTest {

  /** The body of a sealed frame for {@code message}, as a reader gets it. */
  private static ByteBuffer body(IncomingMessage message, long sequence) {
    byte[] head = JournalRecord.encode("entry-id", message);
    JournalRecord.seal(head, message.payload(), sequence);
    ByteBuffer frame = ByteBuffer.allocate(head.length + message.payload().length);
    frame.put(head).put(message.payload()).flip();
    return frame.position(JournalRecord.HEADER_BYTES).slice();
  }

  @Test
  void thePayloadReadAloneIsTheOneTheFullDecodeReads() {
    IncomingMessage message =
        new IncomingMessage(
            "MSH|^~\\&|Ä|B\rPID|1\r".getBytes(StandardCharsets.UTF_8),
            "UTF-8",
            "dest-ä",
            "envelope",
            null, // a null field is written as length -1
            "",
            "application/hl7-v2",
            "C1",
            "P",
            "2.5.1",
            "sqs:m1",
            Instant.parse("2026-11-30T10:00:00.123456789Z"));
    ByteBuffer body = body(message, 42);

    JournalRecord.SequencedPayload alone = JournalRecord.payload(body.duplicate());
    JournalRecord.Decoded full = JournalRecord.decode(body.duplicate());

    assertEquals(42, alone.sequence());
    assertEquals(42, full.sequence());
    assertArrayEquals(message.payload(), alone.payload());
    assertArrayEquals(full.message().payload(), alone.payload());
  }
}
