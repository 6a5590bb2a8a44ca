package dev.hl7ferry.edge.aws;

import dev.hl7ferry.edge.outbound.OutboundCloud;
import dev.hl7ferry.edge.outbound.OutboundSettings;
import dev.hl7ferry.edge.outbound.ReceiptQueue;
import dev.hl7ferry.edge.ship.CloudSettings;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/** Wires the outbound half to SQS and S3: its own clients, closed when the outbound half stops. */
public final class AwsOutbound {
  private AwsOutbound() {}

  /** Clients with credentials from the SDK's default chain. */
  public static OutboundCloud cloud(OutboundSettings settings, CloudSettings cloud) {
    return cloud(settings, cloud, DefaultCredentialsProvider.builder().build());
  }

  /** As above with explicit credentials (tests against the local cloud). */
  public static OutboundCloud cloud(
      OutboundSettings settings, CloudSettings cloud, AwsCredentialsProvider credentials) {
    // The long poll of each receive is added to the request time: a receive cut short by the
    // client would leave its messages received by nobody, invisible until their visibility timeout.
    AwsClients clients = AwsClients.create(cloud, credentials, settings.waitTime());
    Optional<ReceiptQueue> receipts =
        settings.receiptsQueueUrl().isEmpty()
            ? Optional.empty()
            : Optional.of(
                new SqsReceiptQueue(clients.sqs(), settings.receiptsQueueUrl(), settings.site()));
    return new OutboundCloud(
        new SqsOutboundSource(
            clients.sqs(), clients.s3(), settings.queueUrl(), cloud.requestTimeout()),
        receipts,
        clients);
  }
}
