package dev.hl7ferry.contract.receipt;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * What became of one outbound output at the edge, written once when its delivery ends. It carries
 * no payload and no field value beyond MSH-10 and the destination's acknowledgement code and text
 * (MSA-3 or ERR text, at most {@value #MAX_MSA3} characters), so it may be logged and stored beside
 * metrics. Readers ignore unknown properties; anything incompatible gets a new {@code version}.
 *
 * @param version receipt format version, {@value #VERSION}
 * @param id the outbound envelope's id the output came with
 * @param site the edge site that delivered (or gave up on) the output
 * @param destination the destination name from the outbound envelope
 * @param outcome DELIVERED or DEAD_LETTERED
 * @param msa1 the last acknowledgement code (MSA-1, e.g. AA or AE), or empty when the destination
 *     has none (file, HTTP)
 * @param msa3 the last acknowledgement text, at most {@value #MAX_MSA3} characters, or empty
 * @param attempts how many delivery attempts were made: at least 1 when delivered; 0 for an output
 *     dead-lettered without an attempt (its destination is not configured at the edge)
 * @param firstAttemptAt ISO-8601 UTC instant of the first attempt
 * @param endedAt ISO-8601 UTC instant it was delivered or dead-lettered
 * @param controlId MSH-10 of the output (empty for outputs that are not HL7 v2)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({
  "version",
  "id",
  "site",
  "destination",
  "outcome",
  "msa1",
  "msa3",
  "attempts",
  "firstAttemptAt",
  "endedAt",
  "controlId"
})
public record DeliveryReceipt(
    int version,
    String id,
    String site,
    String destination,
    ReceiptOutcome outcome,
    String msa1,
    String msa3,
    int attempts,
    String firstAttemptAt,
    String endedAt,
    String controlId) {

  /** The one version written and read today. */
  public static final int VERSION = 1;

  /** The longest acknowledgement text a receipt carries. */
  public static final int MAX_MSA3 = 200;

  /** Absent texts become empty; MSA-3 is cut to {@value #MAX_MSA3} characters. */
  public DeliveryReceipt {
    msa1 = msa1 == null ? "" : msa1;
    msa3 = msa3 == null ? "" : bounded(msa3);
    controlId = controlId == null ? "" : controlId;
  }

  private static String bounded(String text) {
    if (text.length() <= MAX_MSA3) {
      return text;
    }
    int end = MAX_MSA3;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--; // never split a surrogate pair
    }
    return text.substring(0, end);
  }
}
