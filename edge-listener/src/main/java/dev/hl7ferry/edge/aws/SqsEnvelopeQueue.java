package dev.hl7ferry.edge.aws;

import dev.hl7ferry.edge.ship.EnvelopeQueue;
import dev.hl7ferry.edge.ship.ShipException;
import dev.hl7ferry.edge.ship.ShipSettings;
import dev.hl7ferry.edge.ship.Shipment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * Sends envelopes with SendMessageBatch. On a FIFO queue each carries its message group and the
 * entry id as deduplication id, so a re-sent entry is dropped by SQS within its five-minute
 * deduplication window.
 */
public final class SqsEnvelopeQueue implements EnvelopeQueue {

  private static final MessageAttributeValue ENVELOPE_VERSION =
      MessageAttributeValue.builder()
          .dataType("Number")
          .stringValue(String.valueOf(dev.hl7ferry.contract.envelope.InboundEnvelope.VERSION))
          .build();

  private final SqsClient sqs;
  private final ShipSettings settings;

  public SqsEnvelopeQueue(SqsClient sqs, ShipSettings settings) {
    this.sqs = sqs;
    this.settings = settings;
  }

  @Override
  public Map<String, String> send(List<Shipment> batch) throws ShipException {
    List<SendMessageBatchRequestEntry> entries = new ArrayList<>(batch.size());
    Map<String, String> idsByBatchId = new HashMap<>();
    for (int i = 0; i < batch.size(); i++) {
      Shipment s = batch.get(i);
      // Batch entry ids only need to be unique within the call; entry ids may be long.
      String batchId = Integer.toString(i);
      idsByBatchId.put(batchId, s.entryId());
      SendMessageBatchRequestEntry.Builder entry =
          SendMessageBatchRequestEntry.builder()
              .id(batchId)
              .messageBody(s.body())
              .messageAttributes(Map.of("envelope-version", ENVELOPE_VERSION));
      if (settings.fifo()) {
        entry.messageGroupId(s.groupId()).messageDeduplicationId(s.entryId());
      }
      entries.add(entry.build());
    }
    SendMessageBatchResponse response;
    try {
      response = sqs.sendMessageBatch(b -> b.queueUrl(settings.queueUrl()).entries(entries));
    } catch (SdkException e) {
      throw new ShipException(
          "SendMessageBatch of " + batch.size() + " to " + settings.queueUrl() + " failed", e);
    }
    Map<String, String> refused = new HashMap<>();
    for (BatchResultErrorEntry failed : response.failed()) {
      refused.put(
          idsByBatchId.getOrDefault(failed.id(), failed.id()),
          failed.code() + (failed.message() == null ? "" : ": " + failed.message()));
    }
    return refused;
  }
}
