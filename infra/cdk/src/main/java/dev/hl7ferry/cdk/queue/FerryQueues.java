package dev.hl7ferry.cdk.queue;

import dev.hl7ferry.cdk.settings.FerrySettings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.sqs.Queue;
import software.constructs.Construct;

/**
 * The FIFO queues, each KMS-encrypted, TLS-only and with a dead-letter queue it redrives to: the
 * inbound queue (edges send, the converter reads), one outbound queue per site (the converter
 * sends, the site's edge reads) and the receipts queue (every edge sends, group = site).
 */
public final class FerryQueues extends Construct {
  /** Receives of one inbound message before it goes to the dead-letter queue. */
  public static final int INBOUND_MAX_RECEIVES = 5;

  /** Receives of one outbound or receipt message before it goes to the dead-letter queue. */
  public static final int OUTBOUND_MAX_RECEIVES = 10;

  private final Queue inbound;
  private final Queue receipts;
  private final Map<String, Queue> outbound = new LinkedHashMap<>();
  private final List<Queue> deadLetters = new ArrayList<>();

  /**
   * @param inboundVisibility at least six times the converter's timeout, as Lambda advises for an
   *     SQS source (a batch retried within the visibility timeout is not handed out twice)
   */
  public FerryQueues(
      Construct scope, String id, FerrySettings settings, IKey key, Duration inboundVisibility) {
    super(scope, id);
    EncryptedQueue queues = new EncryptedQueue(this, key, deadLetters);
    inbound =
        queues.fifo(
            "Inbound", settings.inboundQueueName(), inboundVisibility, INBOUND_MAX_RECEIVES);
    receipts =
        queues.fifo(
            "Receipts", settings.receiptsQueueName(), Duration.minutes(5), OUTBOUND_MAX_RECEIVES);
    for (String site : settings.sites()) {
      // An edge may take a while to deliver to a hospital system before it deletes the message.
      outbound.put(
          site,
          queues.fifo(
              "Outbound-" + site,
              settings.outboundQueueName(site),
              Duration.minutes(5),
              OUTBOUND_MAX_RECEIVES));
    }
  }

  public Queue inbound() {
    return inbound;
  }

  public Queue receipts() {
    return receipts;
  }

  /** Site name to its outbound queue, in the order of the settings. */
  public Map<String, Queue> outbound() {
    return Collections.unmodifiableMap(outbound);
  }

  /** Every dead-letter queue. */
  public List<Queue> deadLetters() {
    return List.copyOf(deadLetters);
  }
}
