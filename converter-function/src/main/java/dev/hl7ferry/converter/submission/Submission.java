package dev.hl7ferry.converter.submission;

import dev.hl7ferry.contract.envelope.PayloadDigest;
import dev.hl7ferry.contract.result.Correlation;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One result to submit, before it has an envelope.
 *
 * @param site the site the result is for
 * @param correlation the original message it answers
 * @param resultType the token the routes match on, e.g. {@code ai-score}
 * @param contentType {@code application/json} or {@code application/hl7-v2}
 * @param payload the result's bytes (UTF-8)
 * @param resultId the vendor's idempotency key, or null to derive one from the content ({@link
 *     #effectiveResultId})
 */
public record Submission(
    String site,
    Correlation correlation,
    String resultType,
    String contentType,
    byte[] payload,
    String resultId) {

  public Submission {
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(correlation, "correlation");
    Objects.requireNonNull(resultType, "resultType");
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(payload, "payload");
  }

  /**
   * The given result id, or one derived from site, correlation, type and payload digest: submitting
   * the same file twice for the same original yields the same id, so the converter renders the same
   * output ids (at-least-once, deduplicated by id).
   */
  public String effectiveResultId() {
    if (resultId != null) {
      return resultId;
    }
    String basis =
        String.join(
            "\n",
            site,
            String.valueOf(correlation.entryId()),
            String.valueOf(correlation.sendingApplication()),
            String.valueOf(correlation.sendingFacility()),
            String.valueOf(correlation.controlId()),
            resultType,
            PayloadDigest.sha256Hex(payload));
    return "r-" + PayloadDigest.sha256Hex(basis.getBytes(StandardCharsets.UTF_8)).substring(0, 40);
  }

  /** Ids and sizes only: the payload carries PHI. */
  @Override
  public String toString() {
    return "Submission[site="
        + site
        + " "
        + correlation
        + " type="
        + resultType
        + " size="
        + payload.length
        + "]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Submission s
        && site.equals(s.site)
        && correlation.equals(s.correlation)
        && resultType.equals(s.resultType)
        && contentType.equals(s.contentType)
        && Arrays.equals(payload, s.payload)
        && Objects.equals(resultId, s.resultId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(site, correlation, resultType, resultId) + Arrays.hashCode(payload);
  }
}
