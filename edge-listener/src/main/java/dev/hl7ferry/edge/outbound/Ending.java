package dev.hl7ferry.edge.outbound;

import dev.hl7ferry.contract.receipt.DeliveryReceipt;
import java.time.Instant;
import java.util.Objects;

/**
 * An output that ended (delivered or dead-lettered) and is waiting for its receipt and mark.
 *
 * @param destination the destination's name (its line)
 * @param sequence the output's sequence in the outbound store
 * @param outputId the output's id (the receipt's control id column)
 * @param receipt the receipt to record
 * @param endedAt when it ended, the receipt's {@code endedAt} as an instant (kept so the commit
 *     thread need not parse the text back)
 * @param deadLetterReason the quarantine reason of a dead letter; null when delivered
 */
record Ending(
    String destination,
    long sequence,
    String outputId,
    DeliveryReceipt receipt,
    Instant endedAt,
    String deadLetterReason) {

  Ending {
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(outputId, "outputId");
    Objects.requireNonNull(receipt, "receipt");
    Objects.requireNonNull(endedAt, "endedAt");
  }

  static Ending delivered(
      long sequence, String outputId, DeliveryReceipt receipt, Instant endedAt) {
    return new Ending(receipt.destination(), sequence, outputId, receipt, endedAt, null);
  }

  static Ending deadLettered(
      long sequence, String outputId, DeliveryReceipt receipt, Instant endedAt, String reason) {
    return new Ending(
        receipt.destination(),
        sequence,
        outputId,
        receipt,
        endedAt,
        Objects.requireNonNull(reason));
  }

  /** Whether the output was delivered (marked SHIPPED), not dead-lettered (QUARANTINED). */
  boolean delivered() {
    return deadLetterReason == null;
  }
}
