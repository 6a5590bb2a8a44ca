package dev.hl7ferry.edge.spool.journal;

import dev.hl7ferry.edge.spool.SpoolRejectedException;
import java.util.List;

/** Where the journal hands what it wrote and what it refused: the index behind it. */
public interface JournalSink {

  /**
   * Takes records the journal just wrote, in sequence order, before anyone hears back. May block
   * the journal thread (and with it the answers) while the index is too far behind.
   */
  void index(List<JournaledMessage> records);

  /**
   * A store the journal refused for the quota: answered as a duplicate when the index holds the
   * identical message (a resend after a lost ACK deserves its ACK even on a full spool), else
   * failed with {@code refusal}.
   */
  void refusedForQuota(StoreRequest store, SpoolRejectedException refusal);
}
