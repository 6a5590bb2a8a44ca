package dev.hl7ferry.infra.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hl7ferry.infra.local.aws.LocalClients;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

class LocalCloudTest {

  @RegisterExtension
  static final LocalCloudExtension CLOUD =
      new LocalCloudExtension(
          LocalCloudConfig.defaults()
              .withSites(List.of("north", "south"))
              .withVendors(List.of("demo-ai"))
              .withMaxReceiveCount(2));

  private static S3Client s3;
  private static SqsClient sqs;

  @BeforeAll
  static void clients() {
    s3 = LocalClients.s3(CLOUD.cloud());
    sqs = LocalClients.sqs(CLOUD.cloud());
  }

  @AfterAll
  static void closeClients() {
    s3.close();
    sqs.close();
  }

  @Test
  void serversListenOnLoopbackWithEphemeralPorts() {
    LocalCloud cloud = CLOUD.cloud();
    assertEquals("127.0.0.1", cloud.s3Endpoint().getHost());
    assertEquals("127.0.0.1", cloud.sqsEndpoint().getHost());
    assertTrue(cloud.s3Port() > 0 && cloud.sqsPort() > 0);
    assertTrue(cloud.inboundQueueUrl().startsWith(cloud.sqsEndpoint().toString()));
  }

  @Test
  void anObjectPutIsReadBackWithItsMetadata() {
    String bucket = CLOUD.cloud().bucket();
    byte[] payload = "MSH|^~\\&|LAB|NORTH\r".getBytes(StandardCharsets.UTF_8);
    s3.putObject(
        b -> b.bucket(bucket).key("inbound/north/a.hl7").metadata(Map.of("charset", "UTF-8")),
        RequestBody.fromBytes(payload));

    byte[] read =
        s3.getObjectAsBytes(b -> b.bucket(bucket).key("inbound/north/a.hl7")).asByteArray();
    HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key("inbound/north/a.hl7"));

    assertArrayEquals(payload, read);
    assertEquals("UTF-8", head.metadata().get("charset"));
  }

  @Test
  void theBucketAndEveryQueueExist() {
    LocalCloud cloud = CLOUD.cloud();
    assertTrue(s3.listBuckets().buckets().stream().anyMatch(b -> b.name().equals(cloud.bucket())));
    assertEquals(
        List.of(
            "hl7-ferry-inbound-dlq.fifo",
            "hl7-ferry-inbound.fifo",
            "hl7-ferry-outbound-north-dlq.fifo",
            "hl7-ferry-outbound-north.fifo",
            "hl7-ferry-outbound-south-dlq.fifo",
            "hl7-ferry-outbound-south.fifo",
            "hl7-ferry-receipts-dlq.fifo",
            "hl7-ferry-receipts.fifo",
            "hl7-ferry-results-demo-ai",
            "hl7-ferry-results-demo-ai-dlq",
            "hl7-ferry-vendor-demo-ai.fifo"),
        sqs.listQueues().queueUrls().stream()
            .map(url -> url.substring(url.lastIndexOf('/') + 1))
            .sorted()
            .toList());
    assertTrue(cloud.receiptsQueueUrl().endsWith("/hl7-ferry-receipts.fifo"));
  }

  @Test
  void aVendorsResultsQueueIsStandardWithARedriveAndItsOwnQueueIsFifo() {
    LocalCloud cloud = CLOUD.cloud();
    Map<QueueAttributeName, String> results =
        sqs.getQueueAttributes(
                b ->
                    b.queueUrl(cloud.resultsQueueUrl("demo-ai"))
                        .attributeNames(QueueAttributeName.ALL))
            .attributes();
    Map<QueueAttributeName, String> own =
        sqs.getQueueAttributes(
                b ->
                    b.queueUrl(cloud.vendorQueueUrl("demo-ai"))
                        .attributeNames(QueueAttributeName.ALL))
            .attributes();

    assertTrue(!"true".equals(results.get(QueueAttributeName.FIFO_QUEUE)), results.toString());
    assertTrue(
        results.get(QueueAttributeName.REDRIVE_POLICY).contains("hl7-ferry-results-demo-ai-dlq"));
    assertEquals("true", own.get(QueueAttributeName.FIFO_QUEUE));
    assertTrue(cloud.describe().contains("queue.hl7-ferry-results-demo-ai=http://"));
    assertTrue(
        cloud.resultsDeadLetterQueueUrl("demo-ai").endsWith("/hl7-ferry-results-demo-ai-dlq"));
  }

  @Test
  void aSentMessageIsReceivedInGroupOrder() {
    String queue = CLOUD.cloud().outboundQueueUrl("north");
    for (int i = 0; i < 5; i++) {
      int n = i;
      sqs.sendMessage(
          b ->
              b.queueUrl(queue)
                  .messageBody("message " + n)
                  .messageGroupId("LAB")
                  .messageDeduplicationId("order-" + n));
    }

    List<String> bodies = receiveAll(queue, 5).stream().map(Message::body).toList();

    assertEquals(List.of("message 0", "message 1", "message 2", "message 3", "message 4"), bodies);
  }

  @Test
  void aFifoQueueDropsASecondMessageWithTheSameDeduplicationId() {
    String queue = CLOUD.cloud().inboundQueueUrl();
    for (int i = 0; i < 3; i++) {
      sqs.sendMessage(
          b ->
              b.queueUrl(queue)
                  .messageBody("the same entry")
                  .messageGroupId("LAB")
                  .messageDeduplicationId("entry-1"));
    }

    List<Message> received = receiveAll(queue, 1);

    assertEquals(1, received.size());
  }

  @Test
  void aMessageReceivedTooOftenMovesToTheDeadLetterQueue() throws InterruptedException {
    LocalCloud cloud = CLOUD.cloud();
    String queue = cloud.outboundQueueUrl("south");
    sqs.sendMessage(
        b ->
            b.queueUrl(queue)
                .messageBody("poison")
                .messageGroupId("DEST")
                .messageDeduplicationId("poison-1"));

    // maxReceiveCount is 2: two receives without delete, then the redrive moves it.
    for (int attempt = 0; attempt < 2; attempt++) {
      List<Message> got =
          sqs.receiveMessage(
                  b ->
                      b.queueUrl(queue)
                          .visibilityTimeout(1)
                          .waitTimeSeconds(2)
                          .messageSystemAttributeNames(
                              MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
              .messages();
      assertEquals(1, got.size(), "receive " + (attempt + 1));
      Thread.sleep(1_100);
    }
    List<Message> again = sqs.receiveMessage(b -> b.queueUrl(queue).waitTimeSeconds(1)).messages();
    List<Message> dead = receiveAll(cloud.outboundDeadLetterQueueUrl("south"), 1);

    assertEquals(0, again.size());
    assertEquals(List.of("poison"), dead.stream().map(Message::body).toList());
    String redrive =
        sqs.getQueueAttributes(
                b -> b.queueUrl(queue).attributeNames(QueueAttributeName.REDRIVE_POLICY))
            .attributes()
            .get(QueueAttributeName.REDRIVE_POLICY);
    assertTrue(redrive.contains("hl7-ferry-outbound-south-dlq.fifo"), redrive);
  }

  @Test
  void aFiveMebibyteObjectRoundTrips() {
    String bucket = CLOUD.cloud().bucket();
    byte[] payload = new byte[5 * 1024 * 1024];
    for (int i = 0; i < payload.length; i++) {
      payload[i] = (byte) ('A' + i % 26);
    }
    s3.putObject(b -> b.bucket(bucket).key("big.hl7"), RequestBody.fromBytes(payload));

    assertArrayEquals(
        payload, s3.getObjectAsBytes(b -> b.bucket(bucket).key("big.hl7")).asByteArray());
  }

  @Test
  void sseKmsHeadersAreRecordedAndEchoedThoughNothingIsEncryptedWithAKey() {
    // S3Proxy keeps the requested encryption as object metadata; there is no KMS behind it.
    String bucket = CLOUD.cloud().bucket();
    s3.putObject(
        b ->
            b.bucket(bucket)
                .key("sse.hl7")
                .serverSideEncryption(ServerSideEncryption.AWS_KMS)
                .ssekmsKeyId("alias/hl7-ferry"),
        RequestBody.fromString("x"));

    HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key("sse.hl7"));

    assertEquals(ServerSideEncryption.AWS_KMS, head.serverSideEncryption());
    assertEquals("alias/hl7-ferry", head.ssekmsKeyId());
  }

  private static List<Message> receiveAll(String queue, int expected) {
    List<Message> all = new java.util.ArrayList<>();
    long deadline = System.nanoTime() + 3_000_000_000L;
    while (all.size() < expected && System.nanoTime() < deadline) {
      List<Message> batch =
          sqs.receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(1))
              .messages();
      for (Message m : batch) {
        all.add(m);
        sqs.deleteMessage(b -> b.queueUrl(queue).receiptHandle(m.receiptHandle()));
      }
    }
    // Give duplicates a chance to show up before concluding there are none.
    all.addAll(
        sqs.receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(0))
            .messages());
    return all;
  }
}
