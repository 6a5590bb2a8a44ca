package dev.hl7ferry.converter.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hl7ferry.converter.dispatch.OutboundMessage;
import dev.hl7ferry.converter.dispatch.OutboundQueues;
import dev.hl7ferry.infra.local.LocalCloud;
import dev.hl7ferry.infra.local.LocalCloudConfig;
import dev.hl7ferry.infra.local.LocalCloudExtension;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;

/**
 * A batch's outputs reach the site's FIFO outbound queue (ElasticMQ in-process) in SendMessageBatch
 * calls of at most 10 messages and 256 KiB, in order per destination; after an entry the queue
 * refuses, nothing of a later call is sent.
 */
class OutboundBatchSendTest {
  @RegisterExtension
  static final LocalCloudExtension CLOUD =
      new LocalCloudExtension(LocalCloudConfig.defaults().withSites(List.of("site-b")));

  private static final AtomicInteger BATCH_CALLS = new AtomicInteger();
  private static SqsClient sqs;

  @BeforeAll
  static void client() {
    LocalCloud cloud = CLOUD.cloud();
    ExecutionInterceptor counter =
        new ExecutionInterceptor() {
          @Override
          public void beforeExecution(
              Context.BeforeExecution context, ExecutionAttributes attributes) {
            if (context.request() instanceof SendMessageBatchRequest) {
              BATCH_CALLS.incrementAndGet();
            }
          }
        };
    sqs =
        SqsClient.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .endpointOverride(URI.create(cloud.sqsEndpoint().toString()))
            .region(Region.of(cloud.region()))
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(cloud.accessKeyId(), cloud.secretAccessKey())))
            .overrideConfiguration(c -> c.addExecutionInterceptor(counter))
            .build();
  }

  @AfterAll
  static void close() {
    sqs.close();
  }

  @Test
  void twentyThreeOutputsGoInThreeCallsInOrderPerDestination() {
    List<OutboundMessage> messages = new ArrayList<>();
    for (int i = 0; i < 23; i++) {
      String destination = i % 2 == 0 ? "lis" : "ris";
      messages.add(new OutboundMessage(destination, destination + "-" + i, "order-" + i));
    }
    int before = BATCH_CALLS.get();

    Map<Integer, String> failed = queues().sendInOrder("site-b", messages);

    assertEquals(Map.of(), failed);
    assertEquals(3, BATCH_CALLS.get() - before);
    List<String> lis = new ArrayList<>();
    List<String> ris = new ArrayList<>();
    for (Message m : QueueDrain.drain(sqs, CLOUD.cloud().outboundQueueUrl("site-b"), 0)) {
      String group = m.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID);
      (group.equals("lis") ? lis : ris).add(m.body());
    }
    assertEquals(12, lis.size());
    assertEquals(11, ris.size());
    for (int i = 0; i < 12; i++) {
      assertEquals("lis-" + 2 * i, lis.get(i));
    }
    for (int i = 0; i < 11; i++) {
      assertEquals("ris-" + (2 * i + 1), ris.get(i));
    }
  }

  @Test
  void largeBodiesAreSplitSoNoCallCarriesMoreThan256KiB() {
    String body = "x".repeat(100_000);
    List<OutboundMessage> messages = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      messages.add(new OutboundMessage("pacs", body + i, "large-" + i));
    }
    int before = BATCH_CALLS.get();

    assertEquals(Map.of(), queues().sendInOrder("site-b", messages));

    assertEquals(3, BATCH_CALLS.get() - before, "two, two and one");
    assertEquals(5, QueueDrain.drain(sqs, CLOUD.cloud().outboundQueueUrl("site-b"), 0).size());
  }

  @Test
  void afterAnEntryTheQueueRefusesNoLaterCallIsSent() {
    List<OutboundMessage> messages = new ArrayList<>();
    for (int i = 0; i < 13; i++) {
      // U+0000 is not a character SQS accepts in a message body
      String body = i == 1 ? "bad\u0000body" : "ok-" + i;
      messages.add(new OutboundMessage("lis", body, "refused-" + i));
    }

    Map<Integer, String> failed = queues().sendInOrder("site-b", messages);

    assertEquals(List.of(1, 10, 11, 12), failed.keySet().stream().sorted().toList());
    assertEquals(
        OutboundQueues.NOT_SENT_AFTER_FAILURE, failed.get(10), "the next call was not made");
    assertEquals(
        9,
        QueueDrain.drain(sqs, CLOUD.cloud().outboundQueueUrl("site-b"), 0).size(),
        "the refused entry's neighbours in its own call were sent");
  }

  private static SqsOutboundQueues queues() {
    return new SqsOutboundQueues(sqs, "hl7-ferry-outbound-{site}.fifo");
  }
}
