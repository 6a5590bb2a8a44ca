package dev.hl7ferry.converter.aws;

import dev.hl7ferry.converter.dispatch.OutboundMessage;
import dev.hl7ferry.converter.dispatch.OutboundQueues;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * The per-site outbound queues. {@code pattern} holds {@code {site}}; it is either a queue URL or a
 * queue name (resolved with GetQueueUrl on first use, then cached). A name or URL ending in {@code
 * .fifo} is a FIFO queue: group = destination, deduplication id as given. A batch's outputs go in
 * SendMessageBatch calls of up to 10 messages and {@value #MAX_BATCH_BYTES} bytes, in order.
 */
public final class SqsOutboundQueues implements OutboundQueues {
  /** SendMessageBatch's limit on the sum of its bodies (256 KiB, the limit before 2025's 1 MiB). */
  static final int MAX_BATCH_BYTES = 262_144;

  private static final int MAX_BATCH_ENTRIES = 10;

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

  /**
   * Sends {@code messages} in SendMessageBatch calls; after a call with a failure (the call, or an
   * entry SQS refused) nothing more is sent. An entry refused inside a call does not stop the
   * entries after it in that same call: the caller fails their records too, and a redelivery finds
   * them deduplicated.
   */
  @Override
  public Map<Integer, String> sendInOrder(String site, List<OutboundMessage> messages) {
    Map<Integer, String> failed = new LinkedHashMap<>();
    int from = 0;
    while (from < messages.size()) {
      int to = chunkEnd(messages, from);
      if (failed.isEmpty()) {
        sendChunk(site, messages, from, to, failed);
      } else {
        for (int i = from; i < to; i++) {
          failed.put(i, NOT_SENT_AFTER_FAILURE);
        }
      }
      from = to;
    }
    return failed;
  }

  private static int chunkEnd(List<OutboundMessage> messages, int from) {
    int to = from;
    long bytes = 0;
    while (to < messages.size() && to - from < MAX_BATCH_ENTRIES) {
      long size = utf8Bound(messages.get(to).body());
      if (to > from && bytes + size > MAX_BATCH_BYTES) {
        break;
      }
      bytes += size;
      to++;
    }
    return to;
  }

  /** At least the UTF-8 length of {@code text} (a surrogate pair counts six, not four). */
  private static long utf8Bound(String text) {
    long bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
    }
    return bytes;
  }

  private void sendChunk(
      String site, List<OutboundMessage> messages, int from, int to, Map<Integer, String> failed) {
    try {
      String url = urls.computeIfAbsent(site, this::resolve);
      boolean fifo = url.endsWith(".fifo");
      List<SendMessageBatchRequestEntry> entries = new ArrayList<>(to - from);
      for (int i = from; i < to; i++) {
        OutboundMessage m = messages.get(i);
        SendMessageBatchRequestEntry.Builder entry =
            SendMessageBatchRequestEntry.builder().id(Integer.toString(i)).messageBody(m.body());
        if (fifo) {
          entry.messageGroupId(m.destination()).messageDeduplicationId(m.deduplicationId());
        }
        entries.add(entry.build());
      }
      SendMessageBatchResponse response =
          sqs.sendMessageBatch(b -> b.queueUrl(url).entries(entries));
      for (BatchResultErrorEntry error : response.failed()) {
        failed.put(
            Integer.parseInt(error.id()),
            "SendMessageBatch to the outbound queue of site "
                + site
                + " refused an entry: "
                + error.code());
      }
    } catch (SdkException e) {
      String why =
          "SendMessageBatch to the outbound queue of site "
              + site
              + " failed ("
              + e.getClass().getSimpleName()
              + ")";
      for (int i = from; i < to; i++) {
        failed.put(i, why);
      }
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
