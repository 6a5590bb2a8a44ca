package dev.hl7ferry.edge.ship;

/** Where payloads go (S3 in production). Implementations are thread-safe and blocking. */
public interface PayloadStore {

  /**
   * Stores {@code shipment}'s payload under its key with its metadata; returns only once the store
   * confirmed. Storing the same shipment twice is harmless (same key, same bytes).
   *
   * @throws ShipException when the store did not confirm
   */
  void put(Shipment shipment) throws ShipException;
}
