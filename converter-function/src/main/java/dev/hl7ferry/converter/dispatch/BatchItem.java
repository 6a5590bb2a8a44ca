package dev.hl7ferry.converter.dispatch;

/**
 * One SQS record as the dispatcher sees it: its message id, body and the name of the queue it came
 * from (from the record's event source ARN; "" when unknown, which counts as the inbound queue).
 */
public record BatchItem(String messageId, String body, String queue) {

  /** A record of the inbound queue. */
  public BatchItem(String messageId, String body) {
    this(messageId, body, "");
  }
}
