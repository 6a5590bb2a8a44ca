package dev.hl7ferry.converter.dispatch;

/**
 * One SQS record as the dispatcher sees it: its message id, its FIFO message group ("" on a
 * standard queue, or when the event does not say) and its body.
 */
public record BatchItem(String messageId, String groupId, String body) {

  public BatchItem {
    groupId = groupId == null ? "" : groupId;
  }
}
