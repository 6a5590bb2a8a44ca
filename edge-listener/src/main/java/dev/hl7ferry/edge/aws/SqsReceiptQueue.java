package dev.hl7ferry.edge.aws;

import dev.hl7ferry.edge.outbound.CloudUnavailableException;
import dev.hl7ferry.edge.outbound.ReceiptQueue;
import dev.hl7ferry.edge.spool.SpoolEntry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * Sends receipts with SendMessageBatch. On a FIFO queue ({@code hl7-ferry-receipts.fifo}) the
 * message group is the site and the deduplication id the receipt id (the receipt entry's id).
 */
public final class SqsReceiptQueue implements ReceiptQueue {
  private final SqsClient sqs;
  private final String queueUrl;
  private final String site;
  private final boolean fifo;

  public SqsReceiptQueue(SqsClient sqs, String queueUrl, String site) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
    this.site = site;
    this.fifo = queueUrl.endsWith(".fifo");
  }

  @Override
  public Map<Long, String> send(List<SpoolEntry> receipts) throws CloudUnavailableException {
    List<SendMessageBatchRequestEntry> entries = new ArrayList<>(receipts.size());
    for (int i = 0; i < receipts.size(); i++) {
      SpoolEntry receipt = receipts.get(i);
      SendMessageBatchRequestEntry.Builder entry =
          SendMessageBatchRequestEntry.builder()
              .id(Integer.toString(i))
              .messageBody(new String(receipt.message().payload(), StandardCharsets.UTF_8));
      if (fifo) {
        entry.messageGroupId(site).messageDeduplicationId(receipt.id());
      }
      entries.add(entry.build());
    }
    SendMessageBatchResponse response;
    try {
      response = sqs.sendMessageBatch(r -> r.queueUrl(queueUrl).entries(entries));
    } catch (SdkException e) {
      throw new CloudUnavailableException(
          "SendMessageBatch of " + receipts.size() + " receipts to " + queueUrl + " failed", e);
    }
    Map<Long, String> refused = new HashMap<>();
    for (BatchResultErrorEntry failed : response.failed()) {
      if (!failed.senderFault()) {
        // The queue's own trouble: the whole batch again later.
        throw new CloudUnavailableException(
            "SendMessageBatch to " + queueUrl + ": " + failed.code(), null);
      }
      refused.put(
          receipts.get(Integer.parseInt(failed.id())).sequence(),
          failed.code() + (failed.message() == null ? "" : ": " + failed.message()));
    }
    return refused;
  }
}
