package dev.hl7ferry.edge.outbound;

import dev.hl7ferry.edge.spool.SpoolEntry;
import java.time.Instant;
import java.util.ArrayDeque;

/**
 * One destination's place in the outbound store, used by that destination's delivery thread only:
 * the entries read ahead, the output at the head of the line and how its attempts went, and how far
 * the line has ended (to notice entries put back behind it by a retry).
 */
final class Line {
  /** Entries read but not yet handed out, in order. */
  final ArrayDeque<SpoolEntry> ahead = new ArrayDeque<>();

  /** Highest sequence read into {@link #ahead} so far: where the next read starts. */
  long readThrough;

  /** Highest sequence delivered or dead-lettered: a RECEIVED entry at or below it was released. */
  long endedThrough;

  /** {@link System#nanoTime} of the last look behind the line's position; 0: due now. */
  long lookBehindAt;

  /** The output handed out and not yet ended, or null. */
  SpoolEntry head;

  /** Attempts of the head: those the store held when it was handed out, plus this run's. */
  int attempts;

  /** Application errors of the head so far. */
  int applicationErrors;

  /** When the head was handed out for its first attempt in this run (the store keeps no times). */
  Instant firstAttemptAt;

  /** Sequence of the head whose receipt is stored: a mark retried after a failure keeps it once. */
  long receiptOf = -1;

  /** Forgets what was read ahead: the next read starts at the beginning of the line. */
  void rewind() {
    ahead.clear();
    readThrough = 0;
  }

  /** Makes {@code entry} the head. */
  void take(SpoolEntry entry, int storedAttempts, int storedApplicationErrors, Instant now) {
    head = entry;
    attempts = storedAttempts;
    applicationErrors = storedApplicationErrors;
    firstAttemptAt = now;
  }

  /** The head ended (delivered or dead-lettered). */
  void ended() {
    endedThrough = Math.max(endedThrough, head.sequence());
    head = null;
    firstAttemptAt = null;
  }
}
