package dev.hl7ferry.cdk.queue;

import dev.hl7ferry.cdk.settings.FerrySettings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.DeduplicationScope;
import software.amazon.awscdk.services.sqs.FifoThroughputLimit;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
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

  private final IKey key;
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
    this.key = key;
    inbound = fifo("Inbound", settings.inboundQueueName(), inboundVisibility, INBOUND_MAX_RECEIVES);
    receipts =
        fifo("Receipts", settings.receiptsQueueName(), Duration.minutes(5), OUTBOUND_MAX_RECEIVES);
    for (String site : settings.sites()) {
      // An edge may take a while to deliver to a hospital system before it deletes the message.
      outbound.put(
          site,
          fifo(
              "Outbound-" + site,
              settings.outboundQueueName(site),
              Duration.minutes(5),
              OUTBOUND_MAX_RECEIVES));
    }
  }

  private Queue fifo(String id, String name, Duration visibility, int maxReceives) {
    Queue dead =
        base(id + "-Dlq", FerrySettings.deadLetterName(name)).visibilityTimeout(visibility).build();
    deadLetters.add(dead);
    return base(id, name)
        .visibilityTimeout(visibility)
        .deadLetterQueue(DeadLetterQueue.builder().queue(dead).maxReceiveCount(maxReceives).build())
        .build();
  }

  private Queue.Builder base(String id, String name) {
    return Queue.Builder.create(this, id)
        .queueName(name)
        .fifo(true)
        // High-throughput FIFO: deduplication and the throughput limit per message group.
        .deduplicationScope(DeduplicationScope.MESSAGE_GROUP)
        .fifoThroughputLimit(FifoThroughputLimit.PER_MESSAGE_GROUP_ID)
        .encryption(QueueEncryption.KMS)
        .encryptionMasterKey(key)
        // SQS asks KMS for a data key at most hourly per principal: fewer KMS requests to pay for.
        .dataKeyReuse(Duration.hours(1))
        .enforceSsl(true)
        // The longest SQS keeps a message: an edge or a converter outage of days loses nothing.
        .retentionPeriod(Duration.days(14));
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
