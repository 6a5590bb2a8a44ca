package dev.hl7ferry.edge.ship;

import java.util.List;
import java.util.Map;

/** Where envelopes go (SQS in production). Implementations are thread-safe and blocking. */
public interface EnvelopeQueue {

  /**
   * Sends up to ten envelopes in one call, in list order.
   *
   * @return entry id to failure for every envelope the queue refused; empty when all were accepted
   * @throws ShipException when the call as a whole failed (nothing can be assumed sent); {@link
   *     ShipException#permanent} only when the call carried one envelope and was refused for it
   */
  Map<String, ShipFailure> send(List<Shipment> batch) throws ShipException;
}
