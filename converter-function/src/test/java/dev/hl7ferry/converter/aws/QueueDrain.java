package dev.hl7ferry.converter.aws;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** Test helper: receives and deletes every message visible on a queue, with all attributes. */
final class QueueDrain {
  private QueueDrain() {}

  /** Each receive waits up to {@code waitSeconds} (0 when the sends were synchronous). */
  static List<Message> drain(SqsClient sqs, String url, int waitSeconds) {
    List<Message> all = new ArrayList<>();
    while (true) {
      List<Message> batch =
          sqs.receiveMessage(
                  b ->
                      b.queueUrl(url)
                          .maxNumberOfMessages(10)
                          .waitTimeSeconds(waitSeconds)
                          .messageAttributeNames("All")
                          .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
              .messages();
      if (batch.isEmpty()) {
        return all;
      }
      for (Message m : batch) {
        sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
      }
      all.addAll(batch);
    }
  }
}
