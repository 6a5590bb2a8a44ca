package dev.hl7ferry.edge.aws;

import dev.hl7ferry.edge.ship.CloudSettings;
import dev.hl7ferry.edge.ship.Encryption;
import dev.hl7ferry.edge.ship.InMemorySpool;
import dev.hl7ferry.edge.ship.ShipListener;
import dev.hl7ferry.edge.ship.ShipSettings;
import dev.hl7ferry.edge.ship.Shipper;
import dev.hl7ferry.edge.ship.TestMessages;
import dev.hl7ferry.edge.spool.IncomingMessage;
import dev.hl7ferry.infra.local.LocalCloud;
import dev.hl7ferry.infra.local.LocalCloudConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Measures shipping against the local cloud (not part of the test run): drains a backlog of N
 * entries of about 1 KB, then ships a steady stream produced at a fixed rate and reports how far
 * shipping lagged. See edge-listener/SHIPPING.md for the command.
 *
 * <pre>ShipBench [backlog=50000] [size=1000] [rate=8000] [seconds=10] [fifo|standard] [puts=32]
 * </pre>
 */
public final class ShipBench {

  private ShipBench() {}

  public static void main(String[] args) throws Exception {
    int backlog = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
    int size = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    int rate = args.length > 2 ? Integer.parseInt(args[2]) : 8000;
    int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 10;
    boolean fifo = args.length <= 4 || !args[4].equals("standard");
    int puts = args.length > 5 ? Integer.parseInt(args[5]) : 32;
    try (LocalCloud cloud = LocalCloud.start(LocalCloudConfig.defaults().withFifo(fifo))) {
      InMemorySpool spool = new InMemorySpool();
      // Eight senders, as in the edge bench: eight FIFO groups.
      List<IncomingMessage> messages = new ArrayList<>();
      for (int i = 0; i < backlog + rate * seconds; i++) {
        messages.add(TestMessages.oru("FAC" + (i % 8), i, size));
      }
      for (int i = 0; i < backlog; i++) {
        spool.add(messages.get(i));
      }
      ShipSettings settings =
          ShipSettings.defaults("bench", cloud.bucket(), cloud.inboundQueueUrl())
              .withEncryption(Encryption.KMS, "alias/bench")
              .withBatching(500, 10, puts);
      AtomicInteger shipped = new AtomicInteger();
      ShipListener listener =
          new ShipListener() {
            @Override
            public void shipped(int count, long bytes, Duration took) {
              shipped.addAndGet(count);
            }
          };
      Shipper shipper =
          AwsShipping.shipper(
              spool,
              settings,
              CloudSettings.endpoints(cloud.region(), cloud.s3Endpoint(), cloud.sqsEndpoint()),
              StaticCredentialsProvider.create(
                  AwsBasicCredentials.create(cloud.accessKeyId(), cloud.secretAccessKey())),
              listener);
      long start = System.nanoTime();
      shipper.start();
      while (shipped.get() < backlog) {
        Thread.sleep(5);
      }
      double drainSeconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "backlog: %d entries of ~%d B drained in %.1f s = %.0f msgs/s (%s queue, %d puts)%n",
          backlog, size, drainSeconds, backlog / drainSeconds, fifo ? "FIFO" : "standard", puts);

      // Steady state: produce at `rate` per second, wake the shipper like the edge would.
      long streamStart = System.nanoTime();
      long maxLag = 0;
      int produced = 0;
      int total = rate * seconds;
      while (produced < total) {
        long due = (long) ((System.nanoTime() - streamStart) / 1e9 * rate);
        while (produced < Math.min(due, total)) {
          spool.add(messages.get(backlog + produced++));
        }
        shipper.wake();
        maxLag = Math.max(maxLag, backlog + produced - shipped.get());
        Thread.sleep(1);
      }
      while (shipped.get() < backlog + total) {
        Thread.sleep(1);
      }
      double streamSeconds = (System.nanoTime() - streamStart) / 1e9;
      System.out.printf(
          "stream: %d entries offered at %d/s, all shipped after %.2f s (%.0f msgs/s),"
              + " max backlog %d%n",
          total, rate, streamSeconds, total / streamSeconds, maxLag);
      shipper.stop();
    }
  }
}
