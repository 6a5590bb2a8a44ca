package dev.hl7ferry.contract.result;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.hl7ferry.contract.envelope.PayloadDigest;
import dev.hl7ferry.contract.envelope.PayloadMismatchException;
import java.util.Arrays;
import java.util.Objects;

/**
 * The SQS message body a vendor's service sends to its results queue ({@code
 * hl7-ferry-results-{vendor}}): one result for one site, correlated with the original message it
 * answers, the payload inline or as a claim check. Read by the converter, which routes it by site
 * and {@code resultType}. Readers ignore unknown properties; anything incompatible gets a new
 * {@code version}. Schema: {@code schema/result-envelope-v1.schema.json} on the classpath.
 *
 * @param version result format version, {@value #VERSION}
 * @param resultId chosen by the vendor, 1-128 of {@code A-Z a-z 0-9 . _ : -}: the idempotency key
 *     (the same resultId for the same site always yields the same output ids)
 * @param site the site the result is for (its edge delivers the rendered output)
 * @param correlation the original message the result answers
 * @param resultType a token the routes match on, e.g. {@code ai-score}
 * @param contentType {@code application/json} or {@code application/hl7-v2}; the bytes are UTF-8
 * @param bucket bucket of the payload; null when the payload is inline
 * @param key object key of the payload; null when the payload is inline
 * @param sha256 lowercase hex SHA-256 of the payload bytes (inline or not)
 * @param size payload size in bytes (inline or not)
 * @param submittedAt ISO-8601 instant the vendor submitted the result
 * @param payload the payload bytes when inline (JSON {@code payloadBase64}), else null; check them
 *     with {@link #verify} before use
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({
  "version",
  "resultId",
  "site",
  "correlation",
  "resultType",
  "contentType",
  "bucket",
  "key",
  "sha256",
  "size",
  "submittedAt",
  "payloadBase64"
})
public record ResultEnvelope(
    int version,
    String resultId,
    String site,
    Correlation correlation,
    String resultType,
    String contentType,
    @JsonInclude(JsonInclude.Include.NON_NULL) String bucket,
    @JsonInclude(JsonInclude.Include.NON_NULL) String key,
    String sha256,
    long size,
    String submittedAt,
    @JsonProperty("payloadBase64") @JsonInclude(JsonInclude.Include.NON_NULL) byte[] payload) {

  /** The one version written and read today. */
  public static final int VERSION = 1;

  /** Content type of a JSON result. */
  public static final String JSON = "application/json";

  /** Content type of an HL7 v2 result (ER7, UTF-8). */
  public static final String HL7_V2 = "application/hl7-v2";

  /** An inline result: {@code sha256} and {@code size} are computed from {@code payload}. */
  public static ResultEnvelope inline(
      String resultId,
      String site,
      Correlation correlation,
      String resultType,
      String contentType,
      String submittedAt,
      byte[] payload) {
    return new ResultEnvelope(
        VERSION,
        resultId,
        site,
        correlation,
        resultType,
        contentType,
        null,
        null,
        PayloadDigest.sha256Hex(payload),
        payload.length,
        submittedAt,
        payload);
  }

  /** A claim check: the payload is the object {@code bucket}/{@code key} with this digest. */
  public static ResultEnvelope claimCheck(
      String resultId,
      String site,
      Correlation correlation,
      String resultType,
      String contentType,
      String submittedAt,
      String bucket,
      String key,
      String sha256,
      long size) {
    return new ResultEnvelope(
        VERSION,
        resultId,
        site,
        correlation,
        resultType,
        contentType,
        bucket,
        key,
        sha256,
        size,
        submittedAt,
        null);
  }

  /** True when the payload travels in the envelope, false for a claim check. */
  public boolean inline() {
    return payload != null;
  }

  /**
   * Checks that {@code bytes} (inline or fetched by the claim check) are the payload this envelope
   * describes; throws {@link PayloadMismatchException} naming both digests and sizes.
   */
  public void verify(byte[] bytes) {
    String digest = PayloadDigest.sha256Hex(bytes);
    if (!digest.equals(sha256) || size != bytes.length) {
      throw new PayloadMismatchException(
          "result payload sha256/size mismatch: envelope "
              + sha256
              + "/"
              + size
              + ", payload "
              + digest
              + "/"
              + bytes.length);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ResultEnvelope e
        && version == e.version
        && size == e.size
        && Objects.equals(resultId, e.resultId)
        && Objects.equals(site, e.site)
        && Objects.equals(correlation, e.correlation)
        && Objects.equals(resultType, e.resultType)
        && Objects.equals(contentType, e.contentType)
        && Objects.equals(bucket, e.bucket)
        && Objects.equals(key, e.key)
        && Objects.equals(sha256, e.sha256)
        && Objects.equals(submittedAt, e.submittedAt)
        && Arrays.equals(payload, e.payload);
  }

  @Override
  public int hashCode() {
    return Objects.hash(version, resultId, site, correlation, resultType, sha256, size)
        + 31 * Arrays.hashCode(payload);
  }

  /** Ids, type, digest and size only: the payload carries PHI. */
  @Override
  public String toString() {
    return "ResultEnvelope[v"
        + version
        + " resultId="
        + resultId
        + " site="
        + site
        + " "
        + correlation
        + " type="
        + resultType
        + " sha256="
        + sha256
        + " size="
        + size
        + (inline() ? " inline" : " s3://" + bucket + "/" + key)
        + "]";
  }
}
