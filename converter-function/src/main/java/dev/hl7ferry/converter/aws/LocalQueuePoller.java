package dev.hl7ferry.converter.aws;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Plays the Lambda event source mapping locally: long-polls the inbound queue, hands each batch to
 * the same handler in-process and deletes what the handler did not report as failed (failed records
 * become visible again and follow the queue's redrive policy).
 */
public final class LocalQueuePoller implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalQueuePoller.class);

  private final SqsClient sqs;
  private final String queueUrl;
  private final RequestHandler<SQSEvent, SQSBatchResponse> handler;

  public LocalQueuePoller(
      SqsClient sqs, String queueUrl, RequestHandler<SQSEvent, SQSBatchResponse> handler) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
    this.handler = handler;
  }

  /** Receives one batch (waiting up to {@code waitSeconds}) and handles it; returns its size. */
  public int pollOnce(int waitSeconds) {
    List<Message> messages =
        sqs.receiveMessage(
                b ->
                    b.queueUrl(queueUrl)
                        .maxNumberOfMessages(10)
                        .waitTimeSeconds(waitSeconds)
                        .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
            .messages();
    if (messages.isEmpty()) {
      return 0;
    }
    String arn =
        "arn:aws:sqs:local:000000000000:" + queueUrl.substring(queueUrl.lastIndexOf('/') + 1);
    List<SQSEvent.SQSMessage> records = new ArrayList<>(messages.size());
    for (Message m : messages) {
      SQSEvent.SQSMessage r = new SQSEvent.SQSMessage();
      r.setMessageId(m.messageId());
      r.setReceiptHandle(m.receiptHandle());
      r.setBody(m.body());
      // As Lambda's event carries them: MessageGroupId, ApproximateReceiveCount, ...
      r.setAttributes(m.attributesAsStrings());
      r.setEventSource("aws:sqs");
      r.setEventSourceArn(arn);
      records.add(r);
    }
    SQSEvent event = new SQSEvent();
    event.setRecords(records);
    SQSBatchResponse response = handler.handleRequest(event, null);
    Set<String> failed = new HashSet<>();
    response.getBatchItemFailures().forEach(f -> failed.add(f.getItemIdentifier()));
    // One DeleteMessageBatch for the records that succeeded, as Lambda's event source removes them.
    List<DeleteMessageBatchRequestEntry> done = new ArrayList<>(messages.size());
    for (int i = 0; i < messages.size(); i++) {
      Message m = messages.get(i);
      if (!failed.contains(m.messageId())) {
        done.add(
            DeleteMessageBatchRequestEntry.builder()
                .id(Integer.toString(i))
                .receiptHandle(m.receiptHandle())
                .build());
      }
    }
    if (!done.isEmpty()) {
      DeleteMessageBatchResponse deleted =
          sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(done));
      // A record not deleted comes back after its visibility timeout: converted again, same ids.
      deleted.failed().forEach(f -> LOG.warn("delete of record {} failed: {}", f.id(), f.code()));
    }
    LOG.info("handled {} records, {} failed", messages.size(), failed.size());
    return messages.size();
  }

  /**
   * Polls, each receive waiting up to {@code waitSeconds}, until {@code stopped} says so or the
   * thread is interrupted; a failed poll (the local cloud down) is retried after half a second.
   */
  public void run(int waitSeconds, BooleanSupplier stopped) {
    while (!stopped.getAsBoolean() && !Thread.currentThread().isInterrupted()) {
      try {
        pollOnce(waitSeconds);
      } catch (RuntimeException e) {
        if (stopped.getAsBoolean()) {
          return;
        }
        LOG.warn("poll failed ({}); retrying in 500 ms", e.getClass().getSimpleName());
        try {
          Thread.sleep(500);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  /** Closes the poller's SQS client. */
  @Override
  public void close() {
    sqs.close();
  }

  /** A poller over clients built from {@code settings} (for the CLI's local run). */
  public static LocalQueuePoller fromSettings(
      dev.hl7ferry.converter.config.FunctionSettings settings,
      String queue,
      RequestHandler<SQSEvent, SQSBatchResponse> handler) {
    SqsClient sqs = AwsClients.sqs(settings, AwsClients.http());
    String url =
        queue.startsWith("http://") || queue.startsWith("https://")
            ? queue
            : sqs.getQueueUrl(b -> b.queueName(queue)).queueUrl();
    return new LocalQueuePoller(sqs, url, handler);
  }
}
