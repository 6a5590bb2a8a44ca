package dev.hl7ferry.edge.aws;

import dev.hl7ferry.edge.ship.EnvelopeQueue;
import dev.hl7ferry.edge.ship.ShipException;
import dev.hl7ferry.edge.ship.ShipFailure;
import dev.hl7ferry.edge.ship.ShipSettings;
import dev.hl7ferry.edge.ship.Shipment;
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
 * Sends envelopes with SendMessageBatch, without message attributes (the body names its version,
 * and attributes would count against the size the inline rule measures). On a FIFO queue each
 * carries its message group and the entry id as deduplication id, so a re-sent entry is dropped by
 * SQS within its five-minute deduplication window. An entry refused with {@code SenderFault} is a
 * permanent refusal of that entry.
 */
public final class SqsEnvelopeQueue implements EnvelopeQueue {

  private final SqsClient sqs;
  private final ShipSettings settings;

  public SqsEnvelopeQueue(SqsClient sqs, ShipSettings settings) {
    this.sqs = sqs;
    this.settings = settings;
  }

  @Override
  public Map<String, ShipFailure> send(List<Shipment> batch) throws ShipException {
    List<SendMessageBatchRequestEntry> entries = new ArrayList<>(batch.size());
    Map<String, String> idsByBatchId = new HashMap<>();
    for (int i = 0; i < batch.size(); i++) {
      Shipment s = batch.get(i);
      // Batch entry ids only need to be unique within the call; entry ids may be long.
      String batchId = Integer.toString(i);
      idsByBatchId.put(batchId, s.entryId());
      SendMessageBatchRequestEntry.Builder entry =
          SendMessageBatchRequestEntry.builder().id(batchId).messageBody(s.body());
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
          "SendMessageBatch of " + batch.size() + " " + AwsFailures.reason(e),
          e,
          AwsFailures.permanent(e));
    }
    Map<String, ShipFailure> refused = new HashMap<>();
    for (BatchResultErrorEntry failed : response.failed()) {
      boolean senderFault = Boolean.TRUE.equals(failed.senderFault());
      String reason =
          "SendMessageBatch entry " + failed.code() + (senderFault ? " (sender fault)" : "");
      refused.put(
          idsByBatchId.getOrDefault(failed.id(), failed.id()),
          new ShipFailure(reason, AwsFailures.permanentEntry(senderFault, failed.code())));
    }
    return refused;
  }
}
