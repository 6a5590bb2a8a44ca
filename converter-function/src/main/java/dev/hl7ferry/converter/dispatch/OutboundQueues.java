package dev.hl7ferry.converter.dispatch;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The per-site outbound queues (SQS in the cloud). */
public interface OutboundQueues {

  /**
   * Sends {@code body} to {@code site}'s outbound queue. On a FIFO queue the message group is the
   * destination and {@code deduplicationId} makes a redelivered send a no-op.
   */
  void send(String site, String destination, String body, String deduplicationId)
      throws IOException;

  /**
   * Sends {@code messages} to {@code site}'s outbound queue in their order, in as few calls as the
   * queue allows, and returns the positions not sent with why. Once a message fails, none after it
   * is sent (an output never overtakes an earlier one of its destination that failed); those are
   * returned too. This default sends one at a time.
   */
  default Map<Integer, String> sendInOrder(String site, List<OutboundMessage> messages) {
    Map<Integer, String> failed = new LinkedHashMap<>();
    for (int i = 0; i < messages.size(); i++) {
      if (!failed.isEmpty()) {
        failed.put(i, NOT_SENT_AFTER_FAILURE);
        continue;
      }
      OutboundMessage m = messages.get(i);
      try {
        send(site, m.destination(), m.body(), m.deduplicationId());
      } catch (IOException e) {
        failed.put(i, e.getMessage());
      }
    }
    return failed;
  }

  /** Why a message after a failed one was not sent. */
  String NOT_SENT_AFTER_FAILURE = "not sent: an earlier output to this site's queue failed";
}
