package dev.hl7ferry.edge.ship;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Futures that complete when an entry is confirmed in the cloud, for {@code ack-after: cloud}.
 * Remembers the most recently shipped ids so that a waiter registering just after its entry shipped
 * still completes at once.
 */
final class Confirmations {

  private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

  private final int remembered;
  private final Map<String, CompletableFuture<Void>> waiting = new LinkedHashMap<>();
  private final Map<String, Boolean> recentlyShipped;

  Confirmations(int remembered) {
    this.remembered = remembered;
    this.recentlyShipped =
        new LinkedHashMap<>(16, 0.75f, false) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > Confirmations.this.remembered;
          }
        };
  }

  synchronized CompletableFuture<Void> whenShipped(String id) {
    if (recentlyShipped.containsKey(id)) {
      return DONE;
    }
    // One shared future per id; callers get a copy so that cancelling theirs harms nobody else.
    return waiting.computeIfAbsent(id, k -> new CompletableFuture<>()).copy();
  }

  void shipped(Collection<String> ids) {
    java.util.List<CompletableFuture<Void>> done = new java.util.ArrayList<>();
    synchronized (this) {
      for (String id : ids) {
        recentlyShipped.put(id, Boolean.TRUE);
        CompletableFuture<Void> f = waiting.remove(id);
        if (f != null) {
          done.add(f);
        }
      }
    }
    // Completed outside the lock: dependants (ACK writes) run here and must not hold it.
    done.forEach(f -> f.complete(null));
  }

  /** Fails every waiter: the shipper stopped before their entries shipped. */
  void stopped() {
    java.util.List<CompletableFuture<Void>> pending;
    synchronized (this) {
      pending = new java.util.ArrayList<>(waiting.values());
      waiting.clear();
    }
    pending.forEach(
        f -> f.completeExceptionally(new ShipException("shipper stopped before confirmation")));
  }
}
