package dev.hl7ferry.converter.destination;

import java.io.IOException;

/** Delivers one output to one cloud destination; throws when it was not (certainly) delivered. */
public interface CloudSender {

  /**
   * Sends {@code delivery} to {@code destination}. A repeat with the same delivery id is allowed
   * and must not make a different output: FIFO deduplication, the same S3 key, the same {@code
   * Ferry-Delivery-Id}.
   */
  void send(CloudDestination destination, Delivery delivery) throws IOException;
}
