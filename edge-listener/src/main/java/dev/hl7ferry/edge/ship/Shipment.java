package dev.hl7ferry.edge.ship;

import dev.hl7ferry.contract.envelope.EnvelopeJson;
import dev.hl7ferry.contract.envelope.InboundEnvelope;
import dev.hl7ferry.edge.spool.IncomingMessage;
import dev.hl7ferry.edge.spool.SpoolEntry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything needed to ship one spool entry, computed once and identical on every attempt: the
 * object key, metadata, checksum, envelope and FIFO ids. Re-shipping after a crash therefore writes
 * the same key and sends the same deduplication id.
 *
 * @param entryId spool entry id, also the FIFO deduplication id
 * @param sequence spool sequence (receive order)
 * @param payload raw message bytes
 * @param key object key {@code inbound/{site}/{yyyy}/{MM}/{dd}/{id}.hl7}
 * @param sha256Hex hex SHA-256 of the payload
 * @param sha256Base64 the same digest in base64, as S3 checksums want it
 * @param metadata object user metadata (no message content: ids, type, charset, hash)
 * @param groupId FIFO message group
 * @param body envelope JSON
 */
public record Shipment(
    String entryId,
    long sequence,
    byte[] payload,
    String key,
    String sha256Hex,
    String sha256Base64,
    Map<String, String> metadata,
    String groupId,
    String body) {

  /** Prepares {@code entry} for shipping to {@code settings}' bucket and queue. */
  public static Shipment of(SpoolEntry entry, ShipSettings settings) {
    IncomingMessage m = entry.message();
    byte[] digest = sha256(m.payload());
    String hex = HexFormat.of().formatHex(digest);
    String key = key(settings.site(), entry);
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("entry-id", entry.id());
    metadata.put("site", settings.site());
    metadata.put("charset", ascii(m.charset()));
    metadata.put("message-type", ascii(m.messageType()));
    metadata.put("control-id", ascii(m.controlId()));
    metadata.put("sha256", hex);
    InboundEnvelope envelope =
        new InboundEnvelope(
            InboundEnvelope.VERSION,
            entry.id(),
            settings.site(),
            settings.bucket(),
            key,
            hex,
            m.payload().length,
            m.charset(),
            m.sendingApplication(),
            m.sendingFacility(),
            m.receivingApplication(),
            m.receivingFacility(),
            m.messageType(),
            m.controlId(),
            m.processingId(),
            m.versionId(),
            m.receivedAt().toString());
    return new Shipment(
        entry.id(),
        entry.sequence(),
        m.payload(),
        key,
        hex,
        Base64.getEncoder().encodeToString(digest),
        Map.copyOf(metadata),
        settings.groupKey().groupOf(m, settings.site()),
        EnvelopeJson.write(envelope));
  }

  /** The deterministic object key: date of receipt in UTC, then the entry id. */
  public static String key(String site, SpoolEntry entry) {
    ZonedDateTime at = entry.message().receivedAt().atZone(ZoneOffset.UTC);
    return String.format(
        "inbound/%s/%04d/%02d/%02d/%s.hl7",
        site, at.getYear(), at.getMonthValue(), at.getDayOfMonth(), entry.id());
  }

  /** Reads an envelope back (tests, tools), checked as the converter checks it. */
  public static InboundEnvelope parseEnvelope(String body) {
    return EnvelopeJson.readInbound(body);
  }

  /** S3 user metadata travels in HTTP headers: keep it printable ASCII, percent-encode the rest. */
  private static String ascii(String value) {
    if (value == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(value.length());
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c >= 0x20 && c < 0x7f && c != '%') {
        out.append((char) c);
      } else {
        out.append('%').append(HexFormat.of().withUpperCase().toHexDigits((byte) c));
      }
    }
    return out.toString();
  }

  private static byte[] sha256(byte[] payload) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(payload);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
