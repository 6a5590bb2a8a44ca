package dev.hl7ferry.converter.aws;

import dev.hl7ferry.converter.destination.CloudDestination;
import dev.hl7ferry.converter.destination.CloudSender;
import dev.hl7ferry.converter.destination.Delivery;
import dev.hl7ferry.converter.destination.EventEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * Delivers to the AWS cloud destinations. SQS: the output is the message body, the ids are message
 * attributes ({@code Ferry-Delivery-Id}, {@code Ferry-Entry-Id}, {@code Ferry-Site}, {@code
 * Ferry-Route}, {@code Ferry-Content-Type}); on a FIFO queue group = site, deduplication id =
 * delivery id. S3: the object {@code {prefix}{site}/{deliveryId}.{json|hl7}} with the same ids as
 * metadata. EventBridge: one PutEvents entry ({@link EventEntry}); its client is built on first
 * use, so a function without a bus never loads it.
 */
public final class AwsCloudSender implements CloudSender {
  private final SqsClient sqs;
  private final S3Client s3;
  private final Supplier<EventBridgeClient> events;
  private final ConcurrentHashMap<String, String> urls = new ConcurrentHashMap<>();
  private volatile EventBridgeClient eventClient;

  public AwsCloudSender(SqsClient sqs, S3Client s3, Supplier<EventBridgeClient> events) {
    this.sqs = sqs;
    this.s3 = s3;
    this.events = events;
  }

  @Override
  public void send(CloudDestination destination, Delivery delivery) throws IOException {
    try {
      if (destination instanceof CloudDestination.Sqs q) {
        sqs(q, delivery);
      } else if (destination instanceof CloudDestination.S3 b) {
        s3(b, delivery);
      } else if (destination instanceof CloudDestination.EventBridge bus) {
        eventBridge(bus, delivery);
      } else {
        throw new IllegalArgumentException("not sent through AWS: " + destination.name());
      }
    } catch (SdkException e) {
      throw new IOException(
          "delivery "
              + delivery.deliveryId()
              + " to cloud destination "
              + destination.name()
              + " failed ("
              + e.getClass().getSimpleName()
              + ")",
          e);
    }
  }

  private void sqs(CloudDestination.Sqs queue, Delivery d) {
    SendMessageRequest.Builder request =
        SendMessageRequest.builder()
            .queueUrl(url(queue.queueUrl()))
            .messageBody(new String(d.body(), StandardCharsets.UTF_8))
            .messageAttributes(
                Map.of(
                    "Ferry-Delivery-Id", text(d.deliveryId()),
                    "Ferry-Entry-Id", text(d.entryId()),
                    "Ferry-Site", text(d.site()),
                    "Ferry-Route", text(d.route()),
                    "Ferry-Content-Type", text(d.contentType())));
    if (queue.fifo()) {
      request.messageGroupId(d.site()).messageDeduplicationId(d.deliveryId());
    }
    sqs.sendMessage(request.build());
  }

  /** A queue URL as given, or a queue name resolved once with GetQueueUrl. */
  private String url(String queue) {
    if (queue.startsWith("https://") || queue.startsWith("http://")) {
      return queue;
    }
    return urls.computeIfAbsent(queue, q -> sqs.getQueueUrl(b -> b.queueName(q)).queueUrl());
  }

  private void s3(CloudDestination.S3 bucket, Delivery d) {
    String key = bucket.prefix() + d.site() + "/" + d.deliveryId() + "." + d.extension();
    s3.putObject(
        b ->
            b.bucket(bucket.bucket())
                .key(key)
                .contentType(d.contentType() + "; charset=utf-8")
                .metadata(
                    Map.of(
                        "ferry-delivery-id", d.deliveryId(),
                        "ferry-entry-id", d.entryId(),
                        "ferry-site", d.site(),
                        "ferry-route", d.route())),
        RequestBody.fromBytes(d.body()));
  }

  private void eventBridge(CloudDestination.EventBridge bus, Delivery d) throws IOException {
    EventEntry entry = EventEntry.of(bus, d);
    PutEventsResponse response =
        eventClient()
            .putEvents(
                b ->
                    b.entries(
                        PutEventsRequestEntry.builder()
                            .eventBusName(entry.busName())
                            .source(entry.source())
                            .detailType(entry.detailType())
                            .detail(entry.detail())
                            .build()));
    if (response.failedEntryCount() != null && response.failedEntryCount() > 0) {
      String code = response.entries().isEmpty() ? "?" : response.entries().get(0).errorCode();
      throw new IOException(
          "EventBridge refused delivery " + d.deliveryId() + " to " + bus.name() + ": " + code);
    }
  }

  private EventBridgeClient eventClient() {
    EventBridgeClient client = eventClient;
    if (client == null) {
      synchronized (this) {
        if (eventClient == null) {
          eventClient = events.get();
        }
        client = eventClient;
      }
    }
    return client;
  }

  private static MessageAttributeValue text(String value) {
    return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
  }
}
