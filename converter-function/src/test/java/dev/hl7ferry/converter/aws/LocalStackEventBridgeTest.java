package dev.hl7ferry.converter.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hl7ferry.converter.destination.CloudDestination;
import dev.hl7ferry.converter.destination.Delivery;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * An eventbridge cloud destination against LocalStack's EventBridge in Docker (a rule on source
 * {@code hl7ferry} forwards to an SQS queue the test reads); skipped where no Docker engine runs,
 * which is why {@code EventEntryTest} checks the request mapping as plain values too.
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackEventBridgeTest {
  private static final DockerImageName IMAGE = DockerImageName.parse("localstack/localstack:4.8.0");

  @Container
  static final LocalStackContainer LOCALSTACK =
      new LocalStackContainer(IMAGE).withServices("sqs", "events");

  private static SqsClient sqs;
  private static EventBridgeClient events;
  private static String queueUrl;

  @BeforeAll
  static void setUp() {
    var credentials =
        StaticCredentialsProvider.create(
            AwsBasicCredentials.create(LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey()));
    sqs =
        SqsClient.builder()
            .endpointOverride(LOCALSTACK.getEndpoint())
            .region(Region.of(LOCALSTACK.getRegion()))
            .credentialsProvider(credentials)
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .build();
    events =
        EventBridgeClient.builder()
            .endpointOverride(LOCALSTACK.getEndpoint())
            .region(Region.of(LOCALSTACK.getRegion()))
            .credentialsProvider(credentials)
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .build();
    queueUrl = sqs.createQueue(b -> b.queueName("ai-events")).queueUrl();
    String queueArn =
        sqs.getQueueAttributes(
                b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
            .attributes()
            .get(QueueAttributeName.QUEUE_ARN);
    events.createEventBus(b -> b.name("ai-bus"));
    events.putRule(
        b -> b.name("to-queue").eventBusName("ai-bus").eventPattern("{\"source\":[\"hl7ferry\"]}"));
    events.putTargets(
        b -> b.rule("to-queue").eventBusName("ai-bus").targets(t -> t.id("q").arn(queueArn)));
  }

  @AfterAll
  static void tearDown() {
    if (sqs != null) {
      sqs.close();
      events.close();
    }
  }

  @Test
  void anOutputArrivesAsAnEventWithItsDeliveryId() throws Exception {
    AwsCloudSender sender = new AwsCloudSender(sqs, null, () -> events);
    sender.send(
        new CloudDestination.EventBridge("vendor-bus", "ai-bus", "hl7ferry.output", "hl7ferry"),
        new Delivery(
            "b".repeat(64),
            "e1",
            "hospital-a",
            "orm-ai",
            "vendor-bus",
            "application/json",
            "json",
            "{\"study\":\"CTCHEST\"}".getBytes(StandardCharsets.UTF_8)));

    List<Message> got =
        sqs.receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(10)).messages();
    assertEquals(1, got.size());
    JsonNode event = new ObjectMapper().readTree(got.get(0).body());
    assertEquals("hl7ferry.output", event.get("detail-type").asText());
    assertEquals("b".repeat(64), event.at("/detail/deliveryId").asText());
    assertEquals("CTCHEST", event.at("/detail/body/study").asText());
  }
}
