package dev.hl7ferry.cdk.queue;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.DeduplicationScope;
import software.amazon.awscdk.services.sqs.FifoThroughputLimit;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * How every ferry queue is made: KMS-encrypted with the stack's key, TLS-only, 14 days retention,
 * and a work queue redriving to its own dead-letter queue ({@code x.fifo} to {@code x-dlq.fifo},
 * {@code x} to {@code x-dlq}); FIFO queues in high-throughput mode.
 *
 * @param scope where the queues are made
 * @param key the stack's KMS key
 * @param deadLetters collects each dead-letter queue made (the alarms watch them)
 */
public record EncryptedQueue(Construct scope, IKey key, List<Queue> deadLetters) {

  /** A FIFO work queue and its dead-letter queue. */
  public Queue fifo(String id, String name, Duration visibility, int maxReceives) {
    return withDeadLetter(id, name, true, visibility, maxReceives);
  }

  /** A standard work queue and its dead-letter queue. */
  public Queue standard(String id, String name, Duration visibility, int maxReceives) {
    return withDeadLetter(id, name, false, visibility, maxReceives);
  }

  /** The dead-letter queue name of a queue name. */
  public static String deadLetterName(String name) {
    return name.endsWith(".fifo")
        ? name.substring(0, name.length() - ".fifo".length()) + "-dlq.fifo"
        : name + "-dlq";
  }

  private Queue withDeadLetter(
      String id, String name, boolean fifo, Duration visibility, int maxReceives) {
    Queue dead =
        base(id + "-Dlq", deadLetterName(name), fifo).visibilityTimeout(visibility).build();
    deadLetters.add(dead);
    return base(id, name, fifo)
        .visibilityTimeout(visibility)
        .deadLetterQueue(DeadLetterQueue.builder().queue(dead).maxReceiveCount(maxReceives).build())
        .build();
  }

  private Queue.Builder base(String id, String name, boolean fifo) {
    Queue.Builder b =
        Queue.Builder.create(scope, id)
            .queueName(name)
            .encryption(QueueEncryption.KMS)
            .encryptionMasterKey(key)
            // SQS asks KMS for a data key at most hourly per principal: fewer KMS requests to pay.
            .dataKeyReuse(Duration.hours(1))
            .enforceSsl(true)
            // The longest SQS keeps a message: an outage of days loses nothing.
            .retentionPeriod(Duration.days(14));
    if (fifo) {
      // High-throughput FIFO: deduplication and the throughput limit per message group.
      b.fifo(true)
          .deduplicationScope(DeduplicationScope.MESSAGE_GROUP)
          .fifoThroughputLimit(FifoThroughputLimit.PER_MESSAGE_GROUP_ID);
    }
    return b;
  }
}
