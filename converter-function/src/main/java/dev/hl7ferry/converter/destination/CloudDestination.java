package dev.hl7ferry.converter.destination;

import java.net.URI;
import java.time.Duration;

/**
 * One entry of the routes file's {@code cloudDestinations}: a place outside every edge that a route
 * may name among its destinations. Values are final ({@code ${NAME}} already resolved).
 */
public sealed interface CloudDestination
    permits CloudDestination.Sqs,
        CloudDestination.EventBridge,
        CloudDestination.S3,
        CloudDestination.Https {

  /** The name routes use. */
  String name();

  /**
   * An SQS queue; a FIFO queue ({@code .fifo}) gets message group = site and deduplication id =
   * output id.
   */
  record Sqs(String name, String queueUrl) implements CloudDestination {
    /** Whether the queue is FIFO. */
    public boolean fifo() {
      return queueUrl.endsWith(".fifo");
    }
  }

  /** An EventBridge bus: one PutEvents entry per output, {@code source} and {@code detailType}. */
  record EventBridge(String name, String busName, String detailType, String source)
      implements CloudDestination {}

  /** An S3 bucket: one object per output under {@code prefix}. */
  record S3(String name, String bucket, String prefix) implements CloudDestination {}

  /**
   * An HTTPS webhook (plain HTTP only to a loopback host): POST, HMAC-SHA256 signed with the key
   * {@code key} names, 2xx = delivered.
   */
  record Https(String name, URI url, WebhookKey key, Duration connectTimeout, Duration timeout)
      implements CloudDestination {}
}
