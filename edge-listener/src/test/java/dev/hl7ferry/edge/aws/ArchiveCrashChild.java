package dev.hl7ferry.edge.aws;

import dev.hl7ferry.edge.ship.ArchiveBatch;
import dev.hl7ferry.edge.ship.CloudSettings;
import dev.hl7ferry.edge.ship.PayloadStore;
import dev.hl7ferry.edge.ship.ShipException;
import dev.hl7ferry.edge.ship.ShipListener;
import dev.hl7ferry.edge.ship.ShipSettings;
import dev.hl7ferry.edge.ship.ShipSettingsBuilder;
import dev.hl7ferry.edge.ship.ShipThreads;
import dev.hl7ferry.edge.ship.Shipment;
import dev.hl7ferry.edge.ship.Shipper;
import dev.hl7ferry.edge.spool.SpoolSettings;
import dev.hl7ferry.edge.spool.SqliteSpool;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The process {@code aKillBetweenTheArchivePutAndTheSendLosesNothingAndSendsNothingTwice} kills:
 * ships a spool with the real S3 store and SQS queue, prints {@code ARCHIVED <key>} once the
 * round's archive and index are confirmed in S3, then holds the shipping thread there so that the
 * kill -9 lands between the archive put and the SendMessageBatch. Never exits by itself.
 *
 * <pre>ArchiveCrashChild DATA_DIR REGION S3_URL SQS_URL BUCKET QUEUE_URL SITE KEY SECRET</pre>
 */
public final class ArchiveCrashChild {
  private ArchiveCrashChild() {}

  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    CloudSettings cloud =
        CloudSettings.endpoints(args[1], URI.create(args[2]), URI.create(args[3]));
    ShipSettings settings = settings(args[6], args[4], args[5]);
    AwsClients clients =
        AwsClients.create(
            cloud, StaticCredentialsProvider.create(AwsBasicCredentials.create(args[7], args[8])));
    S3PayloadStore s3 = new S3PayloadStore(clients.s3(), settings);
    PayloadStore holding =
        new PayloadStore() {
          @Override
          public void put(Shipment shipment) throws ShipException {
            s3.put(shipment);
          }

          @Override
          public void putArchive(ArchiveBatch batch) throws ShipException {
            s3.putArchive(batch);
            out.println("ARCHIVED " + batch.key());
            try {
              Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
        };
    SqliteSpool spool = SqliteSpool.open(SpoolSettings.of(Path.of(args[0]), 1L << 30, 100_000));
    new Shipper(
            spool,
            holding,
            new SqsEnvelopeQueue(clients.sqs(), settings),
            settings,
            ShipThreads.of(settings),
            ShipListener.NONE,
            Clock.systemUTC(),
            clients)
        .start();
  }

  /** The settings both lives ship with: inline payloads, batch archive. */
  static ShipSettings settings(String site, String bucket, String queueUrl) {
    return ShipSettingsBuilder.defaults(site, bucket, queueUrl)
        .encryption(dev.hl7ferry.edge.ship.Encryption.NONE, "")
        .backoff(java.time.Duration.ofMillis(50), java.time.Duration.ofMillis(500))
        .build();
  }
}
