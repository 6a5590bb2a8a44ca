package dev.hl7ferry.converter.aws;

import dev.hl7ferry.converter.submission.ResultChannel;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * A vendor's way in: PutObject for claim-check payloads, SendMessage to its results queue (message
 * group and deduplication id only on a FIFO queue; the agreed results queues are standard).
 */
public final class SqsResultChannel implements ResultChannel {
  private final SqsClient sqs;
  private final S3Client s3;
  private final String queueUrl;

  public SqsResultChannel(SqsClient sqs, S3Client s3, String queueUrl) {
    this.sqs = sqs;
    this.s3 = s3;
    this.queueUrl = queueUrl;
  }

  /** The URL of {@code queue}: itself when it is a URL, else looked up by name. */
  public static String queueUrl(SqsClient sqs, String queue) {
    return queue.startsWith("http://") || queue.startsWith("https://")
        ? queue
        : sqs.getQueueUrl(b -> b.queueName(queue)).queueUrl();
  }

  @Override
  public void putObject(String bucket, String key, byte[] bytes) {
    s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(bytes));
  }

  @Override
  public String send(String body, String group, String deduplicationId) {
    SendMessageRequest.Builder request =
        SendMessageRequest.builder().queueUrl(queueUrl).messageBody(body);
    if (queueUrl.endsWith(".fifo")) {
      request.messageGroupId(group).messageDeduplicationId(deduplicationId);
    }
    return sqs.sendMessage(request.build()).messageId();
  }
}
