package dev.hl7ferry.edge.ship;

import dev.hl7ferry.core.log.LogSafe;
import dev.hl7ferry.edge.spool.SpoolShipping;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the permanent refusals of each entry and quarantines an entry at {@code maxAttempts}, so
 * that no entry stops the line. Outages are recorded as attempts but never counted here: a cloud
 * that is down for any number of rounds quarantines nothing. Counts live in memory (a restart
 * starts them over); each refusal is also recorded in the spool with its reason. Used only by the
 * shipping loop's thread.
 */
final class Refusals {
  // Logs under the shipper's name, as the shipping loop does.
  private static final Logger log = LoggerFactory.getLogger(Shipper.class);

  private final SpoolShipping spool;
  private final int maxAttempts;
  private final BatchShipper batchShipper;
  private final ShipListener listener;
  private final Map<String, Integer> counts = new HashMap<>();

  Refusals(SpoolShipping spool, int maxAttempts, BatchShipper batchShipper, ShipListener listener) {
    this.spool = spool;
    this.maxAttempts = maxAttempts;
    this.batchShipper = batchShipper;
    this.listener = listener;
  }

  /**
   * Records the outcome of {@code round}'s unshipped entries and returns those to retry, in order:
   * quarantined ones are left out.
   */
  List<Shipment> settle(RoundResult round) {
    List<Shipment> retry = new ArrayList<>(round.unshipped().size());
    List<Long> attempted = new ArrayList<>();
    for (Shipment s : round.unshipped()) {
      ShipFailure failure = round.failures().get(s.entryId());
      if (failure == null || !failure.permanent()) {
        attempted.add(s.sequence());
        retry.add(s);
        continue;
      }
      spool.recordFailure(s.sequence(), failure.reason());
      int count = counts.merge(s.entryId(), 1, Integer::sum);
      if (count < maxAttempts) {
        retry.add(s);
        continue;
      }
      String reason = "refused " + count + " times: " + failure.reason();
      if (spool.quarantine(s.sequence(), reason)) {
        log.warn(
            "quarantined id={} controlId={} reason={}: the line moves on without it;"
                + " `ferry-edge spool retry {}` ships it again",
            s.entryId(),
            LogSafe.text(s.controlId()),
            reason,
            s.entryId());
        listener.quarantined(s.entryId(), reason);
      }
      forget(List.of(s.entryId()));
      batchShipper.forget(List.of(s.entryId()));
    }
    if (!attempted.isEmpty()) {
      spool.recordAttempt(attempted);
    }
    return retry;
  }

  /** Entries shipped: their counts are no longer needed. */
  void forget(Collection<String> ids) {
    ids.forEach(counts::remove);
  }
}
