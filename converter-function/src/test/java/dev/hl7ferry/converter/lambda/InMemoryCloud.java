package dev.hl7ferry.converter.lambda;

import dev.hl7ferry.converter.dispatch.OutboundQueues;
import dev.hl7ferry.converter.dispatch.PayloadStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** A fake of the two cloud interfaces: objects in a map, sends in a list with FIFO dedup. */
final class InMemoryCloud implements PayloadStore, OutboundQueues {
  final Map<String, byte[]> objects = new TreeMap<>();
  final List<Sent> sent = new ArrayList<>();
  final Set<String> seenDedupIds = new HashSet<>();
  int duplicateSends;
  int gets;

  record Sent(String site, String destination, String body, String dedupId) {}

  @Override
  public byte[] get(String bucket, String key, long maxBytes) throws IOException {
    gets++;
    byte[] b = objects.get(bucket + "/" + key);
    if (b == null) {
      throw new IOException("NoSuchKey " + bucket + "/" + key);
    }
    if (b.length > maxBytes) {
      throw new IOException("larger than " + maxBytes);
    }
    return b;
  }

  @Override
  public void put(String bucket, String key, byte[] content, String contentType) {
    objects.put(bucket + "/" + key, content.clone());
  }

  @Override
  public void send(String site, String destination, String body, String dedupId) {
    if (!seenDedupIds.add(dedupId)) {
      duplicateSends++;
      return;
    }
    sent.add(new Sent(site, destination, body, dedupId));
  }

  String text(String bucketAndKey) {
    byte[] b = objects.get(bucketAndKey);
    return b == null ? null : new String(b, StandardCharsets.UTF_8);
  }
}
