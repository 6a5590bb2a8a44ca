package dev.hl7ferry.converter.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hl7ferry.contract.envelope.EnvelopeJson;
import dev.hl7ferry.contract.envelope.InlinePolicy;
import dev.hl7ferry.contract.envelope.OutboundEnvelope;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * The inline bodies of {@link SqsBodyLimitTest} (exactly 64 KiB and exactly 1 MiB) against
 * LocalStack's SQS in Docker; skipped where no Docker engine runs. LocalStack raised its limit from
 * 256 KiB to 1 MiB in localstack/localstack#12957 (merged August 2025), so the tag is pinned to a
 * 4.x release after it (4.4.0, which the edge tests pin, refuses bodies above 256 KiB); {@code
 * latest} needs an auth token since 2026. The queue states MaximumMessageSize 1 MiB explicitly, as
 * a deployment that inlines above 256 KiB must.
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackBodyLimitTest {
  private static final DockerImageName IMAGE = DockerImageName.parse("localstack/localstack:4.8.0");

  @Container
  static final LocalStackContainer LOCALSTACK = new LocalStackContainer(IMAGE).withServices("sqs");

  private static SqsClient sqs;
  private static String url;

  @BeforeAll
  static void setUp() {
    sqs =
        SqsClient.builder()
            .endpointOverride(LOCALSTACK.getEndpoint())
            .region(Region.of(LOCALSTACK.getRegion()))
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(
                        LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey())))
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .build();
    url =
        sqs.createQueue(
                b ->
                    b.queueName("hl7-ferry-outbound-limits.fifo")
                        .attributes(
                            Map.of(
                                QueueAttributeName.FIFO_QUEUE,
                                "true",
                                QueueAttributeName.MAXIMUM_MESSAGE_SIZE,
                                String.valueOf(InlinePolicy.SQS_MAX_BYTES))))
            .queueUrl();
  }

  @AfterAll
  static void tearDown() {
    if (sqs != null) {
      sqs.close();
    }
  }

  private static void roundTrip(int bytes) throws Exception {
    String body = SqsBodyLimitTest.bodyOfExactly(bytes);
    new SqsOutboundQueues(sqs, url).send("limits", "d", body, "dedup-" + bytes);
    List<Message> got = sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(5)).messages();
    assertEquals(1, got.size());
    sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(got.get(0).receiptHandle()));
    assertEquals(body, got.get(0).body());
    OutboundEnvelope read = EnvelopeJson.readOutbound(got.get(0).body());
    read.verify(read.payload());
  }

  @Test
  void aBodyOfExactlyOneBillingChunkGoesThroughAndReadsBack() throws Exception {
    roundTrip(InlinePolicy.DEFAULT_MAX_BYTES);
  }

  @Test
  void aBodyOfExactlyOneMebibyteGoesThroughAndReadsBack() throws Exception {
    roundTrip(InlinePolicy.SQS_MAX_BYTES);
  }

  @Test
  void oneByteOverOneMebibyteIsRefused() {
    String body = "x".repeat(InlinePolicy.SQS_MAX_BYTES + 1);
    SqsException e =
        assertThrows(
            SqsException.class,
            () ->
                sqs.sendMessage(
                    b ->
                        b.queueUrl(url)
                            .messageBody(body)
                            .messageGroupId("d")
                            .messageDeduplicationId("over")));
    assertEquals(400, e.statusCode());
  }
}
