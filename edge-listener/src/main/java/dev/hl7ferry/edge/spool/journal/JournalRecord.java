package dev.hl7ferry.edge.spool.journal;

import dev.hl7ferry.edge.spool.IncomingMessage;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.zip.CRC32C;

/**
 * One message as the journal writes it: a frame {@code [length:int][crc32c:int][body]} where the
 * body holds the sequence, the entry id, the receive time, the header fields, the peer, the charset
 * and the raw payload. The CRC covers the whole body, so a frame cut short by a crash, or never
 * written in full, is recognised on recovery and the log is cut there.
 *
 * <p>The caller's thread encodes the body ({@link #encode}); the journal thread fills in the
 * sequence and the CRC ({@link #seal}) when it appends the frame, since only it hands sequences
 * out.
 */
public final class JournalRecord {
  /** Frame header: body length and CRC32C of the body. */
  public static final int HEADER_BYTES = 2 * Integer.BYTES;

  /** Largest body a frame may declare: a 16 MiB message with its header fields and then some. */
  public static final int MAX_BODY_BYTES = 64 * 1024 * 1024;

  private static final int SEQUENCE_OFFSET = HEADER_BYTES;

  /** The length-prefixed texts between the receive time and the payload: id and header fields. */
  private static final int TEXT_FIELDS = 11;

  /** A record read back: its sequence, entry id and message. */
  public record Decoded(long sequence, String id, IncomingMessage message) {}

  private JournalRecord() {}

  /**
   * The frame's head for {@code message}: the frame header and the body up to and including the
   * payload's length, with a zero sequence and no CRC yet. The payload bytes follow it.
   */
  public static byte[] encode(String id, IncomingMessage message) {
    byte[][] texts = {
      utf8(id),
      utf8(message.charset()),
      utf8(message.sendingApplication()),
      utf8(message.sendingFacility()),
      utf8(message.receivingApplication()),
      utf8(message.receivingFacility()),
      utf8(message.messageType()),
      utf8(message.controlId()),
      utf8(message.processingId()),
      utf8(message.versionId()),
      utf8(message.peer())
    };
    int body = Long.BYTES + Long.BYTES + Integer.BYTES;
    for (byte[] text : texts) {
      body += Integer.BYTES + (text == null ? 0 : text.length);
    }
    body += Integer.BYTES + message.payload().length;
    ByteBuffer head = ByteBuffer.allocate(HEADER_BYTES + body - message.payload().length);
    head.putInt(body).putInt(0);
    head.putLong(0); // sequence, filled in by seal()
    head.putLong(message.receivedAt().getEpochSecond()).putInt(message.receivedAt().getNano());
    for (byte[] text : texts) {
      putBytes(head, text);
    }
    head.putInt(message.payload().length);
    return head.array();
  }

  /** Writes {@code sequence} into a frame's head and computes the CRC over head and payload. */
  public static void seal(byte[] head, byte[] payload, long sequence) {
    ByteBuffer buffer = ByteBuffer.wrap(head);
    buffer.putLong(SEQUENCE_OFFSET, sequence);
    CRC32C crc = new CRC32C();
    crc.update(head, HEADER_BYTES, head.length - HEADER_BYTES);
    crc.update(payload);
    buffer.putInt(Integer.BYTES, (int) crc.getValue());
  }

  /**
   * The body length a frame header declares, or -1 when it cannot be a frame (zero, negative or
   * larger than any message).
   */
  public static int bodyLength(int declared) {
    return declared <= 0 || declared > MAX_BODY_BYTES ? -1 : declared;
  }

  /** Whether {@code body} matches the CRC from its frame header. */
  public static boolean intact(ByteBuffer body, int crc) {
    CRC32C check = new CRC32C();
    check.update(body.duplicate());
    return (int) check.getValue() == crc;
  }

  /** Decodes a body whose CRC was checked. */
  public static Decoded decode(ByteBuffer body) {
    long sequence = body.getLong();
    Instant receivedAt = Instant.ofEpochSecond(body.getLong(), body.getInt());
    String id = text(body);
    String charset = text(body);
    String sendingApplication = text(body);
    String sendingFacility = text(body);
    String receivingApplication = text(body);
    String receivingFacility = text(body);
    String messageType = text(body);
    String controlId = text(body);
    String processingId = text(body);
    String versionId = text(body);
    String peer = text(body);
    byte[] payload = bytes(body);
    return new Decoded(
        sequence,
        id,
        new IncomingMessage(
            payload,
            charset,
            sendingApplication,
            sendingFacility,
            receivingApplication,
            receivingFacility,
            messageType,
            controlId,
            processingId,
            versionId,
            peer,
            receivedAt));
  }

  /**
   * The sequence and payload of a body whose CRC was checked, skipping the header fields (reading
   * an entry back, the index already has them).
   */
  public static SequencedPayload payload(ByteBuffer body) {
    long sequence = body.getLong();
    body.position(body.position() + Long.BYTES + Integer.BYTES); // receive time
    for (int field = 0; field < TEXT_FIELDS; field++) {
      int length = body.getInt();
      if (length > 0) {
        body.position(body.position() + length);
      }
    }
    return new SequencedPayload(sequence, bytes(body));
  }

  /** A record's sequence and payload. */
  public record SequencedPayload(long sequence, byte[] payload) {}

  private static byte[] utf8(String text) {
    return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
  }

  /** Length-prefixed; -1 stands for null. */
  private static void putBytes(ByteBuffer frame, byte[] bytes) {
    if (bytes == null) {
      frame.putInt(-1);
    } else {
      frame.putInt(bytes.length).put(bytes);
    }
  }

  private static byte[] bytes(ByteBuffer body) {
    int length = body.getInt();
    if (length < 0) {
      return null;
    }
    byte[] bytes = new byte[length];
    body.get(bytes);
    return bytes;
  }

  private static String text(ByteBuffer body) {
    byte[] bytes = bytes(body);
    return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
  }
}
