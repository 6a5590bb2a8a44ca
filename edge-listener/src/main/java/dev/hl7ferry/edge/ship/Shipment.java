package dev.hl7ferry.edge.ship;

import dev.hl7ferry.contract.envelope.EnvelopeJson;
import dev.hl7ferry.contract.envelope.InboundEnvelope;
import dev.hl7ferry.edge.spool.IncomingMessage;
import dev.hl7ferry.edge.spool.SpoolEntry;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything needed to ship one spool entry, computed once and identical on every attempt: the
 * envelope (inline or claim check, {@link ShipSettings#inline}), the object key and metadata, the
 * checksum and the FIFO ids. Re-shipping after a crash therefore writes the same keys and sends the
 * same deduplication id. Header fields are bounded ({@link HeaderBounds}) before they are copied.
 *
 * @param entryId spool entry id, also the FIFO deduplication id
 * @param sequence spool sequence (receive order)
 * @param payload raw message bytes
 * @param key per-message object key {@code inbound/{site}/{yyyy}/{MM}/{dd}/{id}.hl7}
 * @param sha256Hex hex SHA-256 of the payload
 * @param sha256Base64 the same digest in base64, as S3 checksums want it
 * @param metadata per-message object user metadata (ids, type, charset, hash; under 2 KB)
 * @param groupId FIFO message group (at most 128 characters)
 * @param body envelope JSON
 * @param inline the payload travels inside {@code body}
 * @param putPerMessage the payload is put under {@code key}: a claim check, or archive perMessage
 * @param archived the payload goes into the round's batch archive (inline, archive batch)
 * @param controlId MSH-10, printable and bounded, for logs and the archive index
 * @param receivedAt when the edge received it
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
    String body,
    boolean inline,
    boolean putPerMessage,
    boolean archived,
    String controlId,
    Instant receivedAt) {

  /** Prepares {@code entry} for shipping to {@code settings}' bucket and queue. */
  public static Shipment of(SpoolEntry entry, ShipSettings settings) {
    IncomingMessage m = entry.message();
    byte[] digest = sha256(m.payload());
    String hex = HexFormat.of().formatHex(digest);
    String key = key(settings.site(), entry);
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("entry-id", entry.id());
    metadata.put("site", settings.site());
    metadata.put("charset", HeaderBounds.metadata(m.charset()));
    metadata.put("message-type", HeaderBounds.metadata(m.messageType()));
    metadata.put("control-id", HeaderBounds.metadata(m.controlId()));
    metadata.put("sha256", hex);
    InboundEnvelope claimCheck =
        new InboundEnvelope(
            InboundEnvelope.VERSION,
            entry.id(),
            settings.site(),
            settings.bucket(),
            key,
            hex,
            m.payload().length,
            HeaderBounds.envelope(m.charset()),
            HeaderBounds.envelope(m.sendingApplication()),
            HeaderBounds.envelope(m.sendingFacility()),
            HeaderBounds.envelope(m.receivingApplication()),
            HeaderBounds.envelope(m.receivingFacility()),
            HeaderBounds.envelope(m.messageType()),
            HeaderBounds.envelope(m.controlId()),
            HeaderBounds.envelope(m.processingId()),
            HeaderBounds.envelope(m.versionId()),
            m.receivedAt().toString());
    InboundEnvelope envelope = settings.inline().choose(claimCheck, m.payload());
    boolean inline = envelope.inline();
    return new Shipment(
        entry.id(),
        entry.sequence(),
        m.payload(),
        key,
        hex,
        Base64.getEncoder().encodeToString(digest),
        Map.copyOf(metadata),
        settings.groupKey().groupOf(m, settings.site()),
        EnvelopeJson.write(envelope),
        inline,
        !inline || settings.archive() == ArchiveMode.PER_MESSAGE,
        inline && settings.archive() == ArchiveMode.BATCH,
        HeaderBounds.printable(m.controlId()),
        m.receivedAt());
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

  static byte[] sha256(byte[] payload) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(payload);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
