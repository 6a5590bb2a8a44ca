package dev.hl7ferry.edge.spool.index;

import dev.hl7ferry.edge.spool.journal.JournaledMessage;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Index backpressure: the payload bytes the journal handed over that the index has not taken yet.
 * While more than {@link #MAX_BYTES} wait, the journal thread (and with it the ACKs) waits: a
 * stalled index must slow senders down, not fill the heap. (Not the quota: that counts what the
 * spool holds unshipped, see {@link dev.hl7ferry.edge.spool.Quota}.)
 */
public final class IndexBackpressure {
  private static final Logger log = LoggerFactory.getLogger(IndexBackpressure.class);

  /** Payload bytes the journal may hand over ahead of the index before it has to wait. */
  public static final long MAX_BYTES = 64L * 1024 * 1024;

  private final Object room = new Object();
  private long waitingBytes;
  private volatile boolean closing;

  /** Waits while the index is too far behind (not once closing), then counts {@code bytes}. */
  void admit(long bytes) {
    synchronized (room) {
      boolean warned = false;
      while (waitingBytes > MAX_BYTES && !closing) {
        if (!warned) {
          log.warn(
              "the spool index is {} MiB behind the journal; holding new messages until it"
                  + " catches up",
              waitingBytes >> 20);
          warned = true;
        }
        try {
          room.wait(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      waitingBytes += bytes;
    }
  }

  /** The index took records of {@code bytes}: room for the journal again. */
  void taken(long bytes) {
    synchronized (room) {
      waitingBytes -= bytes;
      room.notifyAll();
    }
  }

  /** The spool is closing: nobody waits for room any more. */
  void close() {
    synchronized (room) {
      closing = true;
      room.notifyAll();
    }
  }

  /** Whether {@link #close} was called. */
  boolean closing() {
    return closing;
  }

  /** The payload bytes of {@code records}. */
  static long payloadBytes(List<JournaledMessage> records) {
    long bytes = 0;
    for (JournaledMessage record : records) {
      bytes += record.message().payload().length;
    }
    return bytes;
  }
}
