package dev.hl7ferry.edge.ship;

/**
 * Why one entry did not ship, and whether the cloud refused that entry for good ({@code permanent}:
 * a 4xx that will not change on a retry, counted towards quarantine) or was out of reach (an
 * outage: retried forever, never counted).
 *
 * @param reason error codes and ids only, never message content
 * @param permanent the refusal is about this entry and will not change
 */
public record ShipFailure(String reason, boolean permanent) {

  /** The cloud was out of reach or refused for a reason that is not this entry's fault. */
  public static ShipFailure outage(String reason) {
    return new ShipFailure(reason, false);
  }

  /** The cloud refused this entry for good. */
  public static ShipFailure permanent(String reason) {
    return new ShipFailure(reason, true);
  }
}
