package dev.hl7ferry.edge.ship;

import dev.hl7ferry.edge.spool.SpoolMaintenance;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes shipped entries once they are older than the retention, at most once per prune interval;
 * the shipping loop calls it each round. Uses only the spool's {@code pruneShipped}.
 */
final class Pruner {
  // Logs under the shipper's name, as it did before the loop, watch and pruner were split.
  private static final Logger log = LoggerFactory.getLogger(Shipper.class);

  private final SpoolMaintenance spool;
  private final Duration retention;
  private final Duration interval;
  private final ShipListener listener;
  private final Clock clock;
  private Instant nextPrune;

  Pruner(
      SpoolMaintenance spool,
      Duration retention,
      Duration interval,
      ShipListener listener,
      Clock clock) {
    this.spool = spool;
    this.retention = retention;
    this.interval = interval;
    this.listener = listener;
    this.clock = clock;
  }

  /** The first round prunes at once. */
  void start() {
    nextPrune = clock.instant();
  }

  /** Prunes if the interval since the last pruning has passed. */
  void pruneIfDue() {
    Instant now = clock.instant();
    if (now.isBefore(nextPrune)) {
      return;
    }
    nextPrune = now.plus(interval);
    int pruned = spool.pruneShipped(now.minus(retention));
    if (pruned > 0) {
      listener.pruned(pruned);
      log.info("pruned {} shipped entries older than {}", pruned, retention);
    }
  }
}
