package dev.hl7ferry.edge.aws;

import dev.hl7ferry.edge.outbound.OutboundCloud;
import dev.hl7ferry.edge.outbound.OutboundSettings;
import dev.hl7ferry.edge.outbound.ReceiptQueue;
import dev.hl7ferry.edge.ship.CloudSettings;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/** Wires the outbound half to SQS and S3: its own clients, closed when the outbound half stops. */
public final class AwsOutbound {
  private AwsOutbound() {}

  /** Clients with credentials from the SDK's default chain. */
  public static OutboundCloud cloud(OutboundSettings settings, CloudSettings cloud) {
    return cloud(settings, AwsClients.create(cloud));
  }

  /** As above with explicit credentials (tests against the local cloud). */
  public static OutboundCloud cloud(
      OutboundSettings settings, CloudSettings cloud, AwsCredentialsProvider credentials) {
    return cloud(settings, AwsClients.create(cloud, credentials));
  }

  private static OutboundCloud cloud(OutboundSettings settings, AwsClients clients) {
    Optional<ReceiptQueue> receipts =
        settings.receiptsQueueUrl().isEmpty()
            ? Optional.empty()
            : Optional.of(
                new SqsReceiptQueue(clients.sqs(), settings.receiptsQueueUrl(), settings.site()));
    return new OutboundCloud(
        new SqsOutboundSource(clients.sqs(), clients.s3(), settings.queueUrl()), receipts, clients);
  }
}
