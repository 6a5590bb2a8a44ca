package dev.hl7ferry.edge.spool;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** The read side of the spool, used by the shipper and the spool command. Blocking calls. */
public interface SpoolReader {

  /**
   * Up to {@code limit} entries in RECEIVED state with sequence above {@code afterSequence}, in
   * order.
   */
  List<SpoolEntry> unshipped(long afterSequence, int limit);

  /** Marks the entries with these sequences shipped (one transaction). */
  void markShipped(Collection<Long> sequences, Instant when);

  /** Counts one more shipping attempt for the entries with these sequences. */
  void recordAttempt(Collection<Long> sequences);

  /** Puts shipped entries received at or after {@code since} back to RECEIVED (replay). */
  int resetShipped(Instant since);

  /** Deletes shipped entries shipped before {@code before}; returns how many. */
  int pruneShipped(Instant before);
}
