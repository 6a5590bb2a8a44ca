package dev.hl7ferry.converter.destination;

import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fetches each secret from its source at first use and keeps it for the life of the instance (a
 * Lambda instance lives for hours at most, so a rotated key reaches it with the next instance; a
 * failed read is not kept, so the next record asks again). Concurrent first uses of one ARN make
 * one fetch.
 */
public final class CachedSecrets implements SecretSource {
  private final SecretSource source;
  private final ConcurrentHashMap<String, byte[]> known = new ConcurrentHashMap<>();
  private final Object fetching = new Object();

  public CachedSecrets(SecretSource source) {
    this.source = source;
  }

  @Override
  public byte[] read(String arn) throws IOException {
    byte[] value = known.get(arn);
    if (value != null) {
      return value;
    }
    synchronized (fetching) {
      value = known.get(arn);
      if (value == null) {
        value = source.read(arn);
        if (value == null || value.length == 0) {
          throw new IOException("secret " + arn + " is empty");
        }
        known.put(arn, value);
      }
      return value;
    }
  }
}
