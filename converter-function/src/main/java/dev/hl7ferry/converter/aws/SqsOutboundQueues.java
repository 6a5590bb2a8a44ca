package dev.hl7ferry.converter.aws;

import dev.hl7ferry.converter.dispatch.OutboundQueues;
import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * The per-site outbound queues. {@code pattern} holds {@code {site}}; it is either a queue URL or a
 * queue name (resolved with GetQueueUrl on first use, then cached). A name or URL ending in {@code
 * .fifo} is a FIFO queue: group = destination, deduplication id as given.
 */
public final class SqsOutboundQueues implements OutboundQueues {
  private final SqsClient sqs;
  private final String pattern;
  private final ConcurrentHashMap<String, String> urls = new ConcurrentHashMap<>();

  public SqsOutboundQueues(SqsClient sqs, String pattern) {
    this.sqs = sqs;
    this.pattern = pattern;
  }

  @Override
  public void send(String site, String destination, String body, String deduplicationId)
      throws IOException {
    try {
      String url = urls.computeIfAbsent(site, this::resolve);
      SendMessageRequest.Builder request =
          SendMessageRequest.builder().queueUrl(url).messageBody(body);
      if (url.endsWith(".fifo")) {
        request.messageGroupId(destination).messageDeduplicationId(deduplicationId);
      }
      sqs.sendMessage(request.build());
    } catch (SdkException e) {
      throw new IOException("SendMessage to the outbound queue of site " + site + " failed", e);
    }
  }

  private String resolve(String site) {
    String queue = pattern.replace("{site}", site);
    if (queue.startsWith("http://") || queue.startsWith("https://")) {
      return queue;
    }
    return sqs.getQueueUrl(b -> b.queueName(queue)).queueUrl();
  }
}
