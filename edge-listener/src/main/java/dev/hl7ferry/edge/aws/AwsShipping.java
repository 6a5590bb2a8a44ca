package dev.hl7ferry.edge.aws;

import dev.hl7ferry.edge.ship.CloudSettings;
import dev.hl7ferry.edge.ship.ShipListener;
import dev.hl7ferry.edge.ship.ShipSettings;
import dev.hl7ferry.edge.ship.ShipThreads;
import dev.hl7ferry.edge.ship.Shipper;
import dev.hl7ferry.edge.spool.ShipperSpool;
import java.time.Clock;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/** Wires a {@link Shipper} to S3 and SQS; the shipper closes the clients when it stops. */
public final class AwsShipping {

  private AwsShipping() {}

  /** A shipper whose clients take credentials from the SDK's default chain. Not started. */
  public static Shipper shipper(
      ShipperSpool spool, ShipSettings ship, CloudSettings cloud, ShipListener listener) {
    return shipper(spool, ship, cloud, listener, Clock.systemUTC());
  }

  /** As above, with the clock that stamps shipped entries and schedules retention pruning. */
  public static Shipper shipper(
      ShipperSpool spool,
      ShipSettings ship,
      CloudSettings cloud,
      ShipListener listener,
      Clock clock) {
    return shipper(spool, ship, AwsClients.create(cloud), listener, clock);
  }

  /** As above with explicit credentials (tests against local servers). */
  public static Shipper shipper(
      ShipperSpool spool,
      ShipSettings ship,
      CloudSettings cloud,
      AwsCredentialsProvider credentials,
      ShipListener listener) {
    return shipper(spool, ship, AwsClients.create(cloud, credentials), listener, Clock.systemUTC());
  }

  private static Shipper shipper(
      ShipperSpool spool,
      ShipSettings ship,
      AwsClients clients,
      ShipListener listener,
      Clock clock) {
    return new Shipper(
        spool,
        new S3PayloadStore(clients.s3(), ship),
        new SqsEnvelopeQueue(clients.sqs(), ship),
        ship,
        ShipThreads.of(ship),
        listener,
        clock,
        clients);
  }
}
