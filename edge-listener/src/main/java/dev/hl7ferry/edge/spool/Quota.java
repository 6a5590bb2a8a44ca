package dev.hl7ferry.edge.spool;

import dev.hl7ferry.edge.spool.SpoolRejectedException.Reason;

/**
 * The spool's quota on unshipped messages and bytes, and its view of what the spool holds
 * unshipped: the index's tally (refreshed by the writer after each transaction) plus what the
 * journal took that the index has not caught up with yet. The journal reserves room here before it
 * appends; the writer hands the journal's share over to the tally in one step, so a message is
 * never counted twice or not at all.
 */
public final class Quota {
  private final long maxMessages;
  private final long maxBytes;
  private long indexedMessages;
  private long indexedBytes;
  private long pendingMessages;
  private long pendingBytes;

  public Quota(long maxMessages, long maxBytes) {
    this.maxMessages = maxMessages;
    this.maxBytes = maxBytes;
  }

  /**
   * Counts one more message of {@code bytes} unless that passes a quota; returns the reason it
   * does, or null when the message was counted.
   */
  public synchronized Reason reserve(int bytes) {
    long messages = indexedMessages + pendingMessages;
    if (messages + 1 > maxMessages) {
      return Reason.QUOTA_MESSAGES;
    }
    if (indexedBytes + pendingBytes + bytes > maxBytes) {
      return Reason.QUOTA_BYTES;
    }
    pendingMessages++;
    pendingBytes += bytes;
    return null;
  }

  /** Gives back a reservation for a message that was not written after all. */
  public synchronized void release(int bytes) {
    pendingMessages--;
    pendingBytes -= bytes;
  }

  /**
   * The writer indexed {@code messages} journal records of {@code bytes} in all (duplicates
   * included) and the tally of unshipped entries is now {@code tallyMessages}/{@code tallyBytes}.
   */
  public synchronized void indexed(long messages, long bytes, long tallyMessages, long tallyBytes) {
    pendingMessages -= messages;
    pendingBytes -= bytes;
    indexedMessages = tallyMessages;
    indexedBytes = tallyBytes;
  }

  /**
   * Like {@link #indexed(long, long, long, long)} when the tally could not be read: the records
   * count as indexed and unshipped (duplicates too, until the next tally corrects it).
   */
  public synchronized void indexed(long messages, long bytes) {
    indexed(messages, bytes, indexedMessages + messages, indexedBytes + bytes);
  }

  /** A read-side change (shipped, replay, prune) left this tally. */
  public synchronized void tally(long tallyMessages, long tallyBytes) {
    indexedMessages = tallyMessages;
    indexedBytes = tallyBytes;
  }

  /** For the refusal text: how many unshipped messages and bytes are counted now. */
  public synchronized String describe() {
    return (indexedMessages + pendingMessages)
        + " unshipped messages, "
        + (indexedBytes + pendingBytes)
        + " bytes";
  }
}
