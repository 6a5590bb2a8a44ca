package dev.hl7ferry.edge.spool;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Computes the deterministic entry id: lower-case hex SHA-256 over a version tag and the
 * length-prefixed sending application (MSH-3), sending facility (MSH-4), control id (MSH-10) and
 * raw payload.
 *
 * <p>Each part is written as a 4-byte big-endian length followed by its bytes (strings in UTF-8, a
 * null header field counts as empty, as HL7 does not tell them apart), so no choice of field
 * content can make two different messages hash the same input. The same message resent after a lost
 * ACK therefore gets the same id, which the shipper also uses as S3 key part and SQS deduplication
 * id.
 */
final class EntryId {
  private static final byte[] TAG = "hl7ferry-spool-entry-v1".getBytes(StandardCharsets.US_ASCII);

  private EntryId() {}

  static String of(IncomingMessage message) {
    MessageDigest digest = sha256();
    digest.update(TAG);
    part(digest, text(message.sendingApplication()));
    part(digest, text(message.sendingFacility()));
    part(digest, text(message.controlId()));
    part(digest, message.payload());
    return HexFormat.of().formatHex(digest.digest());
  }

  private static byte[] text(String value) {
    return value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8);
  }

  private static void part(MessageDigest digest, byte[] bytes) {
    digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
    digest.update(bytes);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }
}
