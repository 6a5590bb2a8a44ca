package dev.hl7ferry.edge.outbound;

import dev.hl7ferry.edge.spool.SpoolEntry;
import java.util.List;
import java.util.Map;

/** Where receipts go in the cloud (the receipts queue). Blocking. */
public interface ReceiptQueue {

  /**
   * Sends up to ten stored receipts (entry payload = receipt JSON, entry id = deduplication id).
   *
   * @return the sequences the queue refused, with its reason; the rest were taken
   */
  Map<Long, String> send(List<SpoolEntry> receipts) throws CloudUnavailableException;
}
