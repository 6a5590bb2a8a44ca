package dev.hl7ferry.edge.spool.journal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads back, when the spool opens, every journal record past the index's mark: a crash, SIGKILL or
 * power loss came between the journal's fsync (after which the sender had its ACK) and the index.
 * They go to a {@link Batches} sink in batches, in sequence order; the index side makes them
 * durable and retires segments (see {@code index.IndexRecovery}).
 */
public final class JournalRecovery {
  private JournalRecovery() {}

  /** Takes one batch of recovered records (answered by nobody: their senders had their ACK). */
  @FunctionalInterface
  public interface Batches {
    void take(List<JournaledMessage> records) throws Exception;
  }

  /** What the scan found: the last sequence in the journal (0 if none) and how many it replayed. */
  public record Replayed(long lastSequence, int records) {}

  /**
   * Hands every intact record with a sequence above {@code indexedThrough} to {@code batches}, at
   * most {@code batchSize} at a time. A failure of the sink ends the scan and is thrown as it came.
   */
  public static Replayed replay(
      Path journalDir, long indexedThrough, int batchSize, Batches batches) throws Exception {
    List<JournaledMessage> pending = new ArrayList<>();
    int[] replayed = {0};
    long last;
    try {
      last =
          JournalSegments.recover(
              journalDir,
              (record, segment, offset) -> {
                if (record.sequence() <= indexedThrough) {
                  return;
                }
                pending.add(
                    new JournaledMessage(
                        record.message(), record.id(), record.sequence(), segment, offset, null));
                if (pending.size() >= batchSize) {
                  replayed[0] += flush(batches, pending);
                }
              });
    } catch (SinkFailure e) {
      throw (Exception) e.getCause();
    }
    replayed[0] += flush(batches, pending);
    return new Replayed(last, replayed[0]);
  }

  private static int flush(Batches batches, List<JournaledMessage> pending) {
    if (pending.isEmpty()) {
      return 0;
    }
    try {
      batches.take(pending);
    } catch (Exception e) {
      throw new SinkFailure(e);
    }
    int count = pending.size();
    pending.clear();
    return count;
  }

  /** Carries the sink's exception out of the segment scan's callback. */
  private static final class SinkFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SinkFailure(Exception cause) {
      super(cause);
    }
  }
}
