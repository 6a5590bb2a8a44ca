package dev.hl7ferry.edge.status;

/**
 * The cloud link as the shipper last reported it.
 *
 * @param shipped entries shipped since the start
 * @param lastShippedAt epoch millis of the last confirmed shipment, 0 for none yet
 * @param lastError why the last failed round failed (error codes and ids only), empty for none
 * @param lastErrorAt epoch millis of that failure, 0 for none
 * @param failuresInARow failed rounds since the last success; 0 when the link works
 * @param quarantined entries set aside since the start
 * @param lastQuarantinedId the last entry set aside (an entry id, no content), empty for none
 */
public record CloudLink(
    long shipped,
    long lastShippedAt,
    String lastError,
    long lastErrorAt,
    int failuresInARow,
    long quarantined,
    String lastQuarantinedId) {

  static final CloudLink NONE = new CloudLink(0, 0, "", 0, 0, 0, "");

  CloudLink shipped(int count, long now) {
    return new CloudLink(
        shipped + count, now, lastError, lastErrorAt, 0, quarantined, lastQuarantinedId);
  }

  CloudLink failed(int inARow, String reason, long now) {
    return new CloudLink(
        shipped,
        lastShippedAt,
        reason == null ? "" : reason,
        now,
        inARow,
        quarantined,
        lastQuarantinedId);
  }

  CloudLink quarantined(String entryId) {
    return new CloudLink(
        shipped, lastShippedAt, lastError, lastErrorAt, failuresInARow, quarantined + 1, entryId);
  }

  /** {@code up} (the last round shipped), {@code retrying} (it failed) or {@code waiting}. */
  public String state() {
    if (failuresInARow > 0) {
      return "retrying";
    }
    return lastShippedAt > 0 ? "up" : "waiting";
  }
}
