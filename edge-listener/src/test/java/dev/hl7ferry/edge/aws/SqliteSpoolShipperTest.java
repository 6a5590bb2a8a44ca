package dev.hl7ferry.edge.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hl7ferry.edge.TestMessages;
import dev.hl7ferry.edge.ship.Await;
import dev.hl7ferry.edge.ship.CloudSettings;
import dev.hl7ferry.edge.ship.Encryption;
import dev.hl7ferry.edge.ship.ShipListener;
import dev.hl7ferry.edge.ship.ShipSettingsBuilder;
import dev.hl7ferry.edge.ship.Shipment;
import dev.hl7ferry.edge.ship.Shipper;
import dev.hl7ferry.edge.spool.SpoolSettings;
import dev.hl7ferry.edge.spool.SqliteSpool;
import dev.hl7ferry.infra.local.LocalCloud;
import dev.hl7ferry.infra.local.LocalCloudExtension;
import dev.hl7ferry.infra.local.aws.LocalClients;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** The shipper over the real SQLite spool, against the local cloud. */
class SqliteSpoolShipperTest {

  @RegisterExtension static final LocalCloudExtension CLOUD = new LocalCloudExtension();

  @TempDir Path dataDir;

  @Test
  void storedEntriesShipInOrderAndStayShippedAcrossARestart() throws Exception {
    LocalCloud cloud = CLOUD.cloud();
    List<String> ids = new ArrayList<>();
    try (SqliteSpool spool = SqliteSpool.open(SpoolSettings.of(dataDir, 1L << 30, 1_000_000))) {
      for (int i = 0; i < 300; i++) {
        ids.add(spool.store(TestMessages.oru("NORTH", i, 900)).get().id());
      }
      Shipper shipper = shipper(spool, cloud);
      shipper.start();
      Await.until(Duration.ofSeconds(30), "all shipped", () -> spool.unshipped(0, 1).isEmpty());
      shipper.stop();
    }
    try (SqliteSpool reopened = SqliteSpool.open(SpoolSettings.of(dataDir, 1L << 30, 1_000_000))) {
      assertEquals(List.of(), reopened.unshipped(0, 10));
    }

    List<String> received = new ArrayList<>();
    try (SqsClient sqs = LocalClients.sqs(cloud)) {
      while (received.size() < ids.size()) {
        List<Message> got =
            sqs.receiveMessage(
                    b ->
                        b.queueUrl(cloud.inboundQueueUrl())
                            .maxNumberOfMessages(10)
                            .waitTimeSeconds(2))
                .messages();
        if (got.isEmpty()) {
          break;
        }
        for (Message m : got) {
          received.add(Shipment.parseEnvelope(m.body()).id());
          sqs.deleteMessage(
              b -> b.queueUrl(cloud.inboundQueueUrl()).receiptHandle(m.receiptHandle()));
        }
      }
    }
    assertEquals(ids, received);
  }

  private static Shipper shipper(SqliteSpool spool, LocalCloud cloud) {
    return AwsShipping.shipper(
        spool,
        ShipSettingsBuilder.defaults("north", cloud.bucket(), cloud.inboundQueueUrl())
            .encryption(Encryption.KMS, "alias/edge")
            .build(),
        CloudSettings.endpoints(cloud.region(), cloud.s3Endpoint(), cloud.sqsEndpoint()),
        StaticCredentialsProvider.create(
            AwsBasicCredentials.create(cloud.accessKeyId(), cloud.secretAccessKey())),
        ShipListener.NONE);
  }
}
