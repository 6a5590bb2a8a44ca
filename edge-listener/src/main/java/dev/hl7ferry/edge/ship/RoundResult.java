package dev.hl7ferry.edge.ship;

import java.util.List;
import java.util.Map;

/**
 * What one shipping round achieved.
 *
 * @param shipped shipments confirmed by both the payload store and the queue, in receive order
 * @param unshipped shipments to retry, in receive order
 * @param failures why each unshipped one failed (absent: held back behind another in its group)
 * @param firstError why the first unshipped one failed, or null when all shipped
 */
public record RoundResult(
    List<Shipment> shipped,
    List<Shipment> unshipped,
    Map<String, ShipFailure> failures,
    String firstError) {

  public boolean complete() {
    return unshipped.isEmpty();
  }
}
