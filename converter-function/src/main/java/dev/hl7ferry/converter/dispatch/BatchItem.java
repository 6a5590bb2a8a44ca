package dev.hl7ferry.converter.dispatch;

/**
 * One SQS record as the dispatcher sees it: its message id, body, the name of the queue it came
 * from (from the record's event source ARN; "" when unknown, which counts as the inbound queue) and
 * its FIFO message group ("" on a standard queue, or when the event does not say).
 */
public record BatchItem(String messageId, String body, String queue, String groupId) {

  public BatchItem {
    groupId = groupId == null ? "" : groupId;
  }

  /** A record of {@code queue} whose message group is not known. */
  public BatchItem(String messageId, String body, String queue) {
    this(messageId, body, queue, "");
  }

  /** A record of the inbound queue. */
  public BatchItem(String messageId, String body) {
    this(messageId, body, "", "");
  }
}
