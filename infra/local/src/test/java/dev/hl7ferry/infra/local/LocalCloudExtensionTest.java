package dev.hl7ferry.infra.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hl7ferry.infra.local.aws.LocalClients;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsClient;

@ExtendWith(LocalCloudExtension.class)
class LocalCloudExtensionTest {

  private static LocalCloud started;

  @BeforeAll
  static void remember(LocalCloud cloud) {
    started = cloud;
  }

  @Test
  void theCloudIsResolvedAsAParameterAndSharedByTheClass(LocalCloud cloud) {
    assertSame(started, cloud);
    try (SqsClient sqs = LocalClients.sqs(cloud)) {
      assertEquals(
          cloud.inboundQueueUrl(),
          sqs.getQueueUrl(b -> b.queueName("hl7-ferry-inbound.fifo")).queueUrl());
    }
  }

  @Test
  void theCloudDescribesItselfForPeople(LocalCloud cloud) {
    String text = cloud.describe();
    assertTrue(text.contains("s3.endpoint=" + cloud.s3Endpoint()), text);
    assertTrue(text.contains("queue.hl7-ferry-inbound.fifo=" + cloud.inboundQueueUrl()), text);
  }
}
