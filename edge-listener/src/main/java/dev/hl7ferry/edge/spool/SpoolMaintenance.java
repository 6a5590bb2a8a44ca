package dev.hl7ferry.edge.spool;

import java.time.Instant;

/** Upkeep of the spool's shipped entries: replay and retention. Blocking calls. */
public interface SpoolMaintenance {

  /** Puts shipped entries received at or after {@code since} back to RECEIVED (replay). */
  int resetShipped(Instant since);

  /** Deletes shipped entries shipped before {@code before}; returns how many. */
  int pruneShipped(Instant before);

  /** Puts the QUARANTINED entry {@code id} back to RECEIVED (attempts from zero). */
  boolean release(String id);

  /** Deletes the entry {@code id} unless it is shipped; returns whether one was. */
  boolean drop(String id);
}
