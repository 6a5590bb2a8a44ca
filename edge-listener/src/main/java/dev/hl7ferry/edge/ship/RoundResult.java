package dev.hl7ferry.edge.ship;

import java.util.List;

/**
 * What one shipping round achieved.
 *
 * @param shipped shipments confirmed by both the payload store and the queue, in receive order
 * @param unshipped shipments to retry, in receive order
 * @param firstError why the first unshipped one failed, or null when all shipped
 */
public record RoundResult(List<Shipment> shipped, List<Shipment> unshipped, String firstError) {

  public boolean complete() {
    return unshipped.isEmpty();
  }
}
