package dev.hl7ferry.converter.dispatch;

import java.io.IOException;

/** The per-site outbound queues (SQS in the cloud). */
public interface OutboundQueues {

  /**
   * Sends {@code body} to {@code site}'s outbound queue. On a FIFO queue the message group is the
   * destination and {@code deduplicationId} makes a redelivered send a no-op.
   */
  void send(String site, String destination, String body, String deduplicationId)
      throws IOException;
}
