package dev.hl7ferry.converter.dispatch;

import java.io.IOException;

/** Object storage for payloads, outputs and error records (S3 in the cloud). */
public interface PayloadStore {

  /**
   * The object's bytes, or an {@link IOException} without reading them when the object is larger
   * than {@code maxBytes} (so a payload's size, not its sender, bounds the memory it takes).
   */
  byte[] get(String bucket, String key, long maxBytes) throws IOException;

  /** Writes (or overwrites with identical content on redelivery) one object. */
  void put(String bucket, String key, byte[] content, String contentType) throws IOException;
}
