package dev.hl7ferry.edge.ship;

import dev.hl7ferry.edge.spool.SpoolEntry;
import dev.hl7ferry.edge.spool.SpoolShipping;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the shipping loop when to go back to the start of the spool: after a replay in this process
 * ({@link #requestRewind}), or when entries behind its cursor are unshipped again because {@code
 * ferry-edge spool replay} ran in another process. Uses only the spool's {@code unshipped}.
 */
final class ReplayWatch {
  // Logs under the shipper's name, as it did before the loop, watch and pruner were split.
  private static final Logger log = LoggerFactory.getLogger(Shipper.class);

  /** How often a busy shipper checks for entries replayed behind its cursor. */
  private static final long RESCAN_NANOS = TimeUnit.SECONDS.toNanos(5);

  private final SpoolShipping spool;
  private volatile boolean rewind;
  private long lastRescan = System.nanoTime();

  ReplayWatch(SpoolShipping spool) {
    this.spool = spool;
  }

  /** A replay in this process put entries back: the loop starts over at its next round. */
  void requestRewind() {
    rewind = true;
  }

  /** Whether a rewind was requested since the last call; clears the request. */
  boolean takeRewind() {
    if (!rewind) {
      return false;
    }
    rewind = false;
    return true;
  }

  /** Whether a busy loop should look behind its cursor now (every few seconds). */
  boolean rescanDue() {
    long now = System.nanoTime();
    if (now - lastRescan < RESCAN_NANOS) {
      return false;
    }
    lastRescan = now;
    return true;
  }

  /**
   * Whether an entry behind the cursor is unshipped again: {@code ferry-edge spool replay} ran in
   * another process beside this one (the cursor only passes entries once they shipped, so nothing
   * else puts one there). A cheap indexed look-up, done when idle and every few seconds.
   */
  boolean resetBehind(long cursor) {
    List<SpoolEntry> first = spool.unshipped(0, 1);
    if (!first.isEmpty() && first.get(0).sequence() <= cursor) {
      log.info(
          "entries from sequence {} are unshipped again (replay): rewinding",
          first.get(0).sequence());
      return true;
    }
    return false;
  }
}
