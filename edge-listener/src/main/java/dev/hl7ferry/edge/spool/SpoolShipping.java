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

  /**
   * Counts one more failed attempt for the entry with {@code sequence} and keeps {@code reason}
   * (ids and error codes, never message content) as its last failure.
   */
  void recordFailure(long sequence, String reason);

  /**
   * Sets the RECEIVED entry with {@code sequence} aside as QUARANTINED with {@code reason}, so the
   * line moves on without it; returns false when it was not RECEIVED.
   */
  boolean quarantine(long sequence, String reason);
}
