package dev.hl7ferry.edge.outbound;

/**
 * One message taken from the outbound queue, not yet deleted.
 *
 * @param messageId the queue's message id (logs)
 * @param receiptHandle what deleting it takes
 * @param body the envelope JSON
 */
public record ReceivedMessage(String messageId, String receiptHandle, String body) {
  @Override
  public String toString() {
    return "ReceivedMessage[messageId=" + messageId + ", size=" + body.length() + "]";
  }
}
