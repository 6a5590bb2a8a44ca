package dev.hl7ferry.converter.dispatch;

import java.io.IOException;

/** Object storage for payloads, outputs and error records (S3 in the cloud). */
public interface PayloadStore {

  /** The object's bytes. */
  byte[] get(String bucket, String key) throws IOException;

  /** Writes (or overwrites with identical content on redelivery) one object. */
  void put(String bucket, String key, byte[] content, String contentType) throws IOException;
}
