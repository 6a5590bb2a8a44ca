package dev.hl7ferry.contract.envelope;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * The SQS message body the converter sends to a site's outbound queue for each rendered output: the
 * output itself (inline, version 2) or a claim check pointing at the output object (versions 1 and
 * 2). Written by the converter, read by the edge's outbound delivery. Readers ignore unknown
 * properties; anything incompatible gets a new {@code version}. {@link InlinePolicy} decides inline
 * or claim check.
 *
 * @param version envelope format version: {@value #VERSION} is written, 1 is still read
 * @param id the inbound envelope's id the output was made from
 * @param site the site whose edge delivers the output
 * @param route the route that produced the output
 * @param destination the destination the edge delivers to (also the FIFO message group)
 * @param template the template that rendered the output
 * @param bucket bucket of the output; null when the output is inline
 * @param key object key {@code outbound/{site}/{destination}/{id}/{route}.{hl7|json}}; null when
 *     the output is inline
 * @param sha256 lowercase hex SHA-256 of the output bytes (inline or not)
 * @param size output size in bytes (inline or not)
 * @param contentType media type of the output ({@code application/hl7-v2} or {@code
 *     application/json}); the bytes are UTF-8
 * @param payload the output bytes when inline (JSON {@code payloadBase64}, standard base64 with
 *     padding), else null; check them with {@link #verify} before use
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({
  "version",
  "id",
  "site",
  "route",
  "destination",
  "template",
  "bucket",
  "key",
  "sha256",
  "size",
  "contentType",
  "payloadBase64"
})
public record OutboundEnvelope(
    int version,
    String id,
    String site,
    String route,
    String destination,
    String template,
    @JsonInclude(JsonInclude.Include.NON_NULL) String bucket,
    @JsonInclude(JsonInclude.Include.NON_NULL) String key,
    String sha256,
    long size,
    String contentType,
    @JsonProperty("payloadBase64") @JsonInclude(JsonInclude.Include.NON_NULL) byte[] payload) {

  /** The version written today; {@link EnvelopeJson} also reads version 1 (claim checks only). */
  public static final int VERSION = 2;

  /** A claim check (no inline payload): the output is the object {@code bucket}/{@code key}. */
  public OutboundEnvelope(
      int version,
      String id,
      String site,
      String route,
      String destination,
      String template,
      String bucket,
      String key,
      String sha256,
      long size,
      String contentType) {
    this(
        version,
        id,
        site,
        route,
        destination,
        template,
        bucket,
        key,
        sha256,
        size,
        contentType,
        null);
  }

  /** True when the output travels in the envelope, false for a claim check. */
  public boolean inline() {
    return payload != null;
  }

  /**
   * This envelope as version {@value #VERSION} with {@code bytes} inline and no bucket or key. The
   * array is not copied: do not change it afterwards.
   */
  public OutboundEnvelope withInlinePayload(byte[] bytes) {
    return new OutboundEnvelope(
        VERSION,
        id,
        site,
        route,
        destination,
        template,
        null,
        null,
        sha256,
        size,
        contentType,
        Objects.requireNonNull(bytes, "bytes"));
  }

  /**
   * Checks that {@code bytes} (the inline output or the object fetched by the claim check) are the
   * output this envelope describes; throws {@link PayloadMismatchException} naming both digests.
   */
  public void verify(byte[] bytes) {
    PayloadDigest.verify(version, sha256, size, bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OutboundEnvelope e
        && version == e.version
        && size == e.size
        && Objects.equals(id, e.id)
        && Objects.equals(site, e.site)
        && Objects.equals(route, e.route)
        && Objects.equals(destination, e.destination)
        && Objects.equals(template, e.template)
        && Objects.equals(bucket, e.bucket)
        && Objects.equals(key, e.key)
        && Objects.equals(sha256, e.sha256)
        && Objects.equals(contentType, e.contentType)
        && Arrays.equals(payload, e.payload);
  }

  @Override
  public int hashCode() {
    return Objects.hash(version, id, site, route, destination, bucket, key, sha256, size)
        + 31 * Arrays.hashCode(payload);
  }

  /** Ids, route, digest and size only: the output carries PHI. */
  @Override
  public String toString() {
    return "OutboundEnvelope[v"
        + version
        + " id="
        + id
        + " site="
        + site
        + " route="
        + route
        + " destination="
        + destination
        + " sha256="
        + sha256
        + " size="
        + size
        + (inline() ? " inline" : " s3://" + bucket + "/" + key)
        + "]";
  }
}
