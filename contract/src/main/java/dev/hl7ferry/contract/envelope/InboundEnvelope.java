package dev.hl7ferry.contract.envelope;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * The SQS message body the edge sends for each shipped message: the payload itself (inline, version
 * 2) or a claim check pointing at the S3 payload (versions 1 and 2), with the raw MSH header values
 * for routing and error records without opening it. Written by the edge shipper, read by the
 * converter. Readers ignore unknown properties, so a later minor change may add some; anything
 * incompatible gets a new {@code version}. {@link InlinePolicy} decides inline or claim check.
 *
 * @param version envelope format version: {@value #VERSION} is written, 1 is still read
 * @param id spool entry id (deterministic, lowercase hex; also the FIFO deduplication id and part
 *     of the converter's keys)
 * @param site the edge site that received the message (selects outbound queue and key prefixes)
 * @param bucket bucket of the payload; null when the payload is inline
 * @param key object key of the payload; null when the payload is inline
 * @param sha256 lowercase hex SHA-256 of the raw payload bytes (inline or not)
 * @param size raw payload size in bytes (inline or not)
 * @param charset Java name of the payload's charset (the converter decodes by MSH-18)
 * @param sendingApplication MSH-3
 * @param sendingFacility MSH-4
 * @param receivingApplication MSH-5
 * @param receivingFacility MSH-6
 * @param messageType MSH-9
 * @param controlId MSH-10
 * @param processingId MSH-11
 * @param versionId MSH-12
 * @param receivedAt ISO-8601 UTC instant the edge received the message
 * @param payload the raw payload bytes when inline (JSON {@code payloadBase64}, standard base64
 *     with padding), else null; check them with {@link #verify} before use
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({
  "version",
  "id",
  "site",
  "bucket",
  "key",
  "sha256",
  "size",
  "charset",
  "sendingApplication",
  "sendingFacility",
  "receivingApplication",
  "receivingFacility",
  "messageType",
  "controlId",
  "processingId",
  "versionId",
  "receivedAt",
  "payloadBase64"
})
public record InboundEnvelope(
    int version,
    String id,
    String site,
    @JsonInclude(JsonInclude.Include.NON_NULL) String bucket,
    @JsonInclude(JsonInclude.Include.NON_NULL) String key,
    String sha256,
    long size,
    String charset,
    String sendingApplication,
    String sendingFacility,
    String receivingApplication,
    String receivingFacility,
    String messageType,
    String controlId,
    String processingId,
    String versionId,
    String receivedAt,
    @JsonProperty("payloadBase64") @JsonInclude(JsonInclude.Include.NON_NULL) byte[] payload) {

  /** The version written today; {@link EnvelopeJson} also reads version 1 (claim checks only). */
  public static final int VERSION = 2;

  /** A claim check (no inline payload): the payload is the object {@code bucket}/{@code key}. */
  public InboundEnvelope(
      int version,
      String id,
      String site,
      String bucket,
      String key,
      String sha256,
      long size,
      String charset,
      String sendingApplication,
      String sendingFacility,
      String receivingApplication,
      String receivingFacility,
      String messageType,
      String controlId,
      String processingId,
      String versionId,
      String receivedAt) {
    this(
        version,
        id,
        site,
        bucket,
        key,
        sha256,
        size,
        charset,
        sendingApplication,
        sendingFacility,
        receivingApplication,
        receivingFacility,
        messageType,
        controlId,
        processingId,
        versionId,
        receivedAt,
        null);
  }

  /** True when the payload travels in the envelope, false for a claim check. */
  public boolean inline() {
    return payload != null;
  }

  /**
   * This envelope as version {@value #VERSION} with {@code bytes} inline and no bucket or key. The
   * array is not copied: do not change it afterwards.
   */
  public InboundEnvelope withInlinePayload(byte[] bytes) {
    return new InboundEnvelope(
        VERSION,
        id,
        site,
        null,
        null,
        sha256,
        size,
        charset,
        sendingApplication,
        sendingFacility,
        receivingApplication,
        receivingFacility,
        messageType,
        controlId,
        processingId,
        versionId,
        receivedAt,
        Objects.requireNonNull(bytes, "bytes"));
  }

  /**
   * Checks that {@code bytes} (the inline payload or the object fetched by the claim check) are the
   * payload this envelope describes; throws {@link PayloadMismatchException} naming both digests.
   */
  public void verify(byte[] bytes) {
    PayloadDigest.verify(version, sha256, size, bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof InboundEnvelope e
        && version == e.version
        && size == e.size
        && Objects.equals(id, e.id)
        && Objects.equals(site, e.site)
        && Objects.equals(bucket, e.bucket)
        && Objects.equals(key, e.key)
        && Objects.equals(sha256, e.sha256)
        && Objects.equals(charset, e.charset)
        && Objects.equals(sendingApplication, e.sendingApplication)
        && Objects.equals(sendingFacility, e.sendingFacility)
        && Objects.equals(receivingApplication, e.receivingApplication)
        && Objects.equals(receivingFacility, e.receivingFacility)
        && Objects.equals(messageType, e.messageType)
        && Objects.equals(controlId, e.controlId)
        && Objects.equals(processingId, e.processingId)
        && Objects.equals(versionId, e.versionId)
        && Objects.equals(receivedAt, e.receivedAt)
        && Arrays.equals(payload, e.payload);
  }

  @Override
  public int hashCode() {
    return Objects.hash(version, id, site, bucket, key, sha256, size, controlId)
        + 31 * Arrays.hashCode(payload);
  }

  /** Ids, type, digest and size only: the payload and MSH names may carry PHI. */
  @Override
  public String toString() {
    return "InboundEnvelope[v"
        + version
        + " id="
        + id
        + " site="
        + site
        + " type="
        + messageType
        + " controlId="
        + controlId
        + " sha256="
        + sha256
        + " size="
        + size
        + (inline() ? " inline" : " s3://" + bucket + "/" + key)
        + "]";
  }
}
