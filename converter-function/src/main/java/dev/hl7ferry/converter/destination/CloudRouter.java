package dev.hl7ferry.converter.destination;

import java.io.IOException;

/**
 * The function's {@link CloudSender}: webhooks go out over the JDK's HTTP client, queues, buses and
 * buckets through the AWS sender.
 */
public final class CloudRouter implements CloudSender {
  private final CloudSender aws;
  private final CloudSender webhooks;

  public CloudRouter(CloudSender aws, CloudSender webhooks) {
    this.aws = aws;
    this.webhooks = webhooks;
  }

  @Override
  public void send(CloudDestination destination, Delivery delivery) throws IOException {
    if (destination instanceof CloudDestination.Https) {
      webhooks.send(destination, delivery);
    } else {
      aws.send(destination, delivery);
    }
  }
}
