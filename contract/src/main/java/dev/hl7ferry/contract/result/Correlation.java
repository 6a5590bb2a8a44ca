package dev.hl7ferry.contract.result;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Which original message a result answers: either the inbound envelope's {@code entryId}, or the
 * original's MSH-3, MSH-4 and MSH-10 as the hospital sent them. Exactly one form is set.
 *
 * @param entryId the inbound envelope id (the edge's spool entry id), or null
 * @param sendingApplication MSH-3 of the original (may be empty), or null with {@code entryId}
 * @param sendingFacility MSH-4 of the original (may be empty), or null with {@code entryId}
 * @param controlId MSH-10 of the original, or null with {@code entryId}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"entryId", "sendingApplication", "sendingFacility", "controlId"})
public record Correlation(
    String entryId, String sendingApplication, String sendingFacility, String controlId) {

  /** A correlation by the inbound envelope id. */
  public static Correlation ofEntryId(String entryId) {
    return new Correlation(entryId, null, null, null);
  }

  /** A correlation by the original's MSH-3, MSH-4 and MSH-10. */
  public static Correlation ofMessage(
      String sendingApplication, String sendingFacility, String controlId) {
    return new Correlation(null, sendingApplication, sendingFacility, controlId);
  }

  /** True when this correlation names the inbound envelope id, false for MSH-3/4/10. */
  public boolean byEntryId() {
    return entryId != null;
  }

  /** The entry id, or MSH-10 only: MSH-3/4 name people's systems, not people, but stay out. */
  @Override
  public String toString() {
    return byEntryId() ? "entryId=" + entryId : "controlId=" + controlId;
  }
}
