package dev.hl7ferry.edge.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hl7ferry.edge.deliver.DeliveryPolicy;
import dev.hl7ferry.edge.deliver.OnApplicationError;
import dev.hl7ferry.edge.outbound.OutboundCloud;
import dev.hl7ferry.edge.outbound.OutboundSettings;
import dev.hl7ferry.edge.outbound.ReceivedMessage;
import dev.hl7ferry.edge.retry.Backoff;
import dev.hl7ferry.edge.ship.CloudSettings;
import dev.hl7ferry.infra.local.LocalCloud;
import dev.hl7ferry.infra.local.LocalCloudExtension;
import dev.hl7ferry.infra.local.aws.LocalClients;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The outbound queue's long poll against the local cloud when {@code cloud.requestTimeoutSeconds}
 * is shorter than {@code outbound.waitTimeSeconds}: the receive waits its whole wait time. Cut
 * short by the client, it would leave what the server handed to it invisible to everyone until the
 * visibility timeout (30 s), holding up the destination's whole FIFO group.
 */
class OutboundLongPollTest {
  @RegisterExtension static final LocalCloudExtension CLOUD = new LocalCloudExtension();

  @TempDir Path dir;

  @Test
  void aReceiveWaitingLongerThanTheRequestTimeoutGetsAMessageSentDuringItsWait() throws Exception {
    LocalCloud cloud = CLOUD.cloud();
    String queue = cloud.outboundQueueUrl("site-a");
    CloudSettings oneSecond =
        new CloudSettings(
            cloud.region(),
            cloud.s3Endpoint(),
            cloud.sqsEndpoint(),
            true,
            4,
            Duration.ofSeconds(1),
            Duration.ofSeconds(1));
    Backoff backoff = Backoff.steady(Duration.ofMillis(50), Duration.ofMillis(500));
    OutboundSettings settings =
        new OutboundSettings(
            dir,
            "site-a",
            queue,
            "",
            Duration.ofSeconds(4),
            new DeliveryPolicy(OnApplicationError.DEAD_LETTER, 3, backoff, Duration.ofMillis(200)),
            Duration.ofHours(1),
            backoff);
    OutboundCloud outbound =
        AwsOutbound.cloud(
            settings,
            oneSecond,
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(cloud.accessKeyId(), cloud.secretAccessKey())));
    try (SqsClient sqs = LocalClients.sqs(cloud)) {
      CompletableFuture<Void> later =
          CompletableFuture.runAsync(
              () ->
                  sqs.sendMessage(
                      b ->
                          b.queueUrl(queue)
                              .messageBody("{}")
                              .messageGroupId("lis")
                              .messageDeduplicationId("long-poll-1")),
              CompletableFuture.delayedExecutor(2, TimeUnit.SECONDS));
      List<ReceivedMessage> received = outbound.source().receive(10, Duration.ofSeconds(4));
      later.join();
      assertEquals(1, received.size(), "the message sent 2 s into a 4 s poll");
    } finally {
      outbound.clients().close();
    }
  }
}
