package dev.hl7ferry.edge.deliver;

import java.util.Objects;

/**
 * The result of one delivery attempt. Texts are bounded and single-line so a result may be logged
 * and stored: {@code msa3} at most {@value #MAX_MSA3} characters, {@code detail} at most {@value
 * #MAX_DETAIL}.
 *
 * @param outcome delivered, transient failure or application error
 * @param msa1 MSA-1 of the destination's ACK (AA, AE, ...), empty when there was none
 * @param msa3 the ACK's error text (ERR-8, else ERR-3, else MSA-3), empty when none
 * @param detail what happened, for logs and the queue's attempt record (no payload content)
 */
public record DeliveryResult(DeliveryOutcome outcome, String msa1, String msa3, String detail) {
  public static final int MAX_MSA3 = 200;
  public static final int MAX_DETAIL = 500;

  public DeliveryResult {
    Objects.requireNonNull(outcome, "outcome");
    msa1 = bounded(msa1, 2);
    msa3 = bounded(msa3, MAX_MSA3);
    detail = bounded(detail, MAX_DETAIL);
  }

  public static DeliveryResult delivered(String detail) {
    return new DeliveryResult(DeliveryOutcome.DELIVERED, "", "", detail);
  }

  public static DeliveryResult transientFailure(String detail) {
    return new DeliveryResult(DeliveryOutcome.TRANSIENT_FAILURE, "", "", detail);
  }

  public static DeliveryResult applicationError(String detail) {
    return new DeliveryResult(DeliveryOutcome.APPLICATION_ERROR, "", "", detail);
  }

  /** Whether the output got through. */
  public boolean delivered() {
    return outcome == DeliveryOutcome.DELIVERED;
  }

  /** {@code text} on one line (control characters become spaces), cut to {@code max} characters. */
  static String bounded(String text, int max) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(Math.min(text.length(), max));
    for (int i = 0; i < text.length() && out.length() < max; i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && out.length() == max - 1) {
        break; // never split a surrogate pair
      }
      out.append(Character.isISOControl(c) ? ' ' : c);
    }
    return out.toString().strip();
  }
}
