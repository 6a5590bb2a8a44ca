package dev.hl7ferry.edge.aws;

import dev.hl7ferry.edge.outbound.CloudUnavailableException;
import dev.hl7ferry.edge.outbound.OutboundSource;
import dev.hl7ferry.edge.outbound.ReceivedMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The site's outbound queue over SQS (ReceiveMessage long poll, DeleteMessageBatch) and the claim
 * checks over S3 (GetObject).
 */
public final class SqsOutboundSource implements OutboundSource {
  private static final Logger LOG = LoggerFactory.getLogger(SqsOutboundSource.class);

  private final SqsClient sqs;
  private final S3Client s3;
  private final String queueUrl;
  private final Duration requestTimeout;

  /**
   * @param requestTimeout the time one call may take; a receive may take its wait time on top
   */
  public SqsOutboundSource(SqsClient sqs, S3Client s3, String queueUrl, Duration requestTimeout) {
    this.sqs = sqs;
    this.s3 = s3;
    this.queueUrl = queueUrl;
    this.requestTimeout = requestTimeout;
  }

  @Override
  public List<ReceivedMessage> receive(int max, Duration wait) throws CloudUnavailableException {
    List<Message> messages;
    try {
      messages =
          sqs.receiveMessage(
                  r ->
                      r.queueUrl(queueUrl)
                          .maxNumberOfMessages(max)
                          .waitTimeSeconds((int) wait.toSeconds())
                          .overrideConfiguration(
                              o -> o.apiCallAttemptTimeout(requestTimeout.plus(wait))))
              .messages();
    } catch (SdkException e) {
      throw new CloudUnavailableException("ReceiveMessage from " + queueUrl + " failed", e);
    }
    List<ReceivedMessage> received = new ArrayList<>(messages.size());
    for (Message m : messages) {
      received.add(new ReceivedMessage(m.messageId(), m.receiptHandle(), m.body()));
    }
    return received;
  }

  @Override
  public byte[] fetch(String bucket, String key) throws CloudUnavailableException {
    try {
      return s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray();
    } catch (SdkException e) {
      throw new CloudUnavailableException("GetObject s3://" + bucket + "/" + key + " failed", e);
    }
  }

  @Override
  public void delete(List<ReceivedMessage> messages) throws CloudUnavailableException {
    List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>(messages.size());
    for (int i = 0; i < messages.size(); i++) {
      entries.add(
          DeleteMessageBatchRequestEntry.builder()
              .id(Integer.toString(i))
              .receiptHandle(messages.get(i).receiptHandle())
              .build());
    }
    DeleteMessageBatchResponse response;
    try {
      response = sqs.deleteMessageBatch(r -> r.queueUrl(queueUrl).entries(entries));
    } catch (SdkException e) {
      throw new CloudUnavailableException("DeleteMessageBatch on " + queueUrl + " failed", e);
    }
    for (BatchResultErrorEntry failed : response.failed()) {
      // Stored already: the message comes back after its visibility timeout and is a duplicate.
      LOG.warn(
          "outbound message {} not deleted ({}): it will be received again and kept once",
          messages.get(Integer.parseInt(failed.id())).messageId(),
          failed.code());
    }
  }
}
