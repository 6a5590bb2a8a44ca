package dev.hl7ferry.edge.spool;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** What the shipper needs of the spool: the unshipped entries and their outcome. Blocking calls. */
public interface SpoolShipping {

  /**
   * Up to {@code limit} entries in RECEIVED state with sequence above {@code afterSequence}, in
   * order.
   */
  List<SpoolEntry> unshipped(long afterSequence, int limit);

  /** Marks the entries with these sequences shipped (one transaction). */
  void markShipped(Collection<Long> sequences, Instant when);

  /** Counts one more shipping attempt for the entries with these sequences. */
  void recordAttempt(Collection<Long> sequences);
}
