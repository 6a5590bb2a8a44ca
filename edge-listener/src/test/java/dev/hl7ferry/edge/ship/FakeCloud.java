package dev.hl7ferry.edge.ship;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An in-memory payload store and FIFO-deduplicating queue for the pure shipper tests, with switches
 * to make calls fail.
 */
final class FakeCloud implements PayloadStore, EnvelopeQueue {

  final Map<String, byte[]> objects = new ConcurrentHashMap<>();
  final List<Shipment> queue = new ArrayList<>();
  private final Set<String> dedupIds = ConcurrentHashMap.newKeySet();
  volatile boolean down;

  /** Entry ids whose put fails while present. */
  final Set<String> failingPuts = ConcurrentHashMap.newKeySet();

  /** Entry ids the queue refuses while present (not their fault: retried forever). */
  final Set<String> refusedSends = ConcurrentHashMap.newKeySet();

  /** Entry ids the queue refuses for good while present. */
  final Set<String> permanentlyRefused = ConcurrentHashMap.newKeySet();

  /** Ids stored as members of an archive batch. */
  final Set<String> archivedIds = ConcurrentHashMap.newKeySet();

  /** Archive batches stored, in order. */
  final List<ArchiveBatch> archives = new java.util.concurrent.CopyOnWriteArrayList<>();

  @Override
  public void put(Shipment shipment) throws ShipException {
    if (down || failingPuts.contains(shipment.entryId())) {
      throw new ShipException("store unreachable");
    }
    objects.put(shipment.key(), shipment.payload());
  }

  @Override
  public void putArchive(ArchiveBatch batch) throws ShipException {
    if (down) {
      throw new ShipException("store unreachable");
    }
    objects.put(batch.key(), batch.data());
    objects.put(batch.indexKey(), batch.index().toJson());
    archives.add(batch);
    archivedIds.addAll(batch.memberIds());
  }

  @Override
  public synchronized Map<String, ShipFailure> send(List<Shipment> batch) throws ShipException {
    if (down) {
      throw new ShipException("queue unreachable");
    }
    Map<String, ShipFailure> refused = new HashMap<>();
    for (Shipment s : batch) {
      if (s.putPerMessage() && !objects.containsKey(s.key())) {
        throw new AssertionError("envelope sent before its payload: " + s.key());
      }
      if (s.archived() && !archivedIds.contains(s.entryId())) {
        throw new AssertionError("envelope sent before its archive: " + s.entryId());
      }
      if (permanentlyRefused.contains(s.entryId())) {
        refused.put(s.entryId(), ShipFailure.permanent("InvalidMessageContents (sender fault)"));
      } else if (refusedSends.contains(s.entryId())) {
        refused.put(s.entryId(), ShipFailure.outage("InternalError"));
      } else if (dedupIds.add(s.entryId())) {
        queue.add(s);
      }
    }
    return refused;
  }

  synchronized List<String> queuedIds() {
    return queue.stream().map(Shipment::entryId).toList();
  }

  /** Queued ids per group, in queue order. */
  synchronized Map<String, List<String>> queuedByGroup() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Shipment s : queue) {
      out.computeIfAbsent(s.groupId(), g -> new ArrayList<>()).add(s.entryId());
    }
    return out;
  }
}
