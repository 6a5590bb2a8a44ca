package dev.hl7ferry.edge.ship;

/** Where payloads go (S3 in production). Implementations are thread-safe and blocking. */
public interface PayloadStore {

  /**
   * Stores {@code shipment}'s payload under its key with its metadata; returns only once the store
   * confirmed. Storing the same shipment twice is harmless (same key, same bytes).
   *
   * @throws ShipException when the store did not confirm; {@link ShipException#permanent} when it
   *     refused this payload for good
   */
  void put(Shipment shipment) throws ShipException;

  /**
   * Stores a round's archive object and then its index; returns only once both are confirmed.
   * Storing the same batch twice writes the same keys with the same bytes.
   *
   * @throws ShipException when the store did not confirm (always retried: an archive concerns a
   *     whole round, never one entry)
   */
  void putArchive(ArchiveBatch batch) throws ShipException;
}
