package dev.hl7ferry.edge.spool.journal;

import dev.hl7ferry.edge.spool.IncomingMessage;

/**
 * A message the journal wrote, for the index: the message, its id, the sequence the journal gave it
 * and where its frame is (the segment's first sequence and the frame's offset in it). {@code
 * waiting} is the store whose future still waits for the index (answers after index), null when the
 * journal answered it already. It does not hold the journal frame, so records queued for the index
 * cost the message once, not twice.
 */
public record JournaledMessage(
    IncomingMessage message,
    String id,
    long sequence,
    long segment,
    long offset,
    StoreRequest waiting) {

  /** Fails the store still waiting for this record, if any. */
  public void fail(Throwable cause) {
    if (waiting != null) {
      waiting.fail(cause);
    }
  }
}
