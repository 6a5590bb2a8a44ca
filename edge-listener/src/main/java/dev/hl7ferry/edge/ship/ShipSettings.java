package dev.hl7ferry.edge.ship;

import dev.hl7ferry.contract.envelope.InlinePolicy;
import java.time.Duration;
import java.util.Objects;

/**
 * Plain values the shipper needs; {@code server.Settings} builds one from the {@code ship} section.
 *
 * @param site this edge's site name, part of every object key
 * @param bucket bucket for payloads
 * @param queueUrl URL of the inbound queue
 * @param fifo the queue is FIFO: send group and deduplication ids, keep per-group order
 * @param groupKey header field that becomes the FIFO message group
 * @param encryption server-side encryption of payloads
 * @param kmsKeyId KMS key id, alias or ARN for {@link Encryption#KMS}; empty for the default key
 * @param fetchSize entries read from the spool per round
 * @param sendBatchSize envelopes per SendMessageBatch (1 to 10)
 * @param putConcurrency concurrent PutObject calls (and concurrent SQS batches where order allows)
 * @param initialBackoff first retry delay after a failed round
 * @param maxBackoff cap of the exponential retry delay
 * @param idlePoll how often an idle shipper looks at the spool when nobody calls {@link
 *     Shipper#wake}
 * @param retention how long shipped entries stay in the spool (for replay) before pruning
 * @param pruneInterval how often pruning runs
 * @param inline which payloads travel inside their envelope ({@code inlineMaxBytes})
 * @param archive where inline payloads are archived in S3
 * @param maxAttempts permanent refusals of one entry before it is quarantined (outages never count)
 */
public record ShipSettings(
    String site,
    String bucket,
    String queueUrl,
    boolean fifo,
    GroupKey groupKey,
    Encryption encryption,
    String kmsKeyId,
    int fetchSize,
    int sendBatchSize,
    int putConcurrency,
    Duration initialBackoff,
    Duration maxBackoff,
    Duration idlePoll,
    Duration retention,
    Duration pruneInterval,
    InlinePolicy inline,
    ArchiveMode archive,
    int maxAttempts) {

  public ShipSettings {
    require(site != null && site.matches("[A-Za-z0-9_-]{1,64}"), "site", "1-64 of A-Z a-z 0-9 _ -");
    require(bucket != null && !bucket.isBlank(), "bucket", "required");
    require(queueUrl != null && !queueUrl.isBlank(), "queue-url", "required");
    require(fifo == queueUrl.endsWith(".fifo"), "fifo", "must match the queue (.fifo suffix)");
    Objects.requireNonNull(groupKey, "groupKey");
    Objects.requireNonNull(encryption, "encryption");
    kmsKeyId = kmsKeyId == null ? "" : kmsKeyId;
    require(encryption == Encryption.KMS || kmsKeyId.isEmpty(), "kms-key-id", "only with KMS");
    require(fetchSize >= 1 && fetchSize <= 10_000, "fetch-size", "1 to 10000");
    require(sendBatchSize >= 1 && sendBatchSize <= 10, "send-batch-size", "1 to 10 (SQS limit)");
    require(putConcurrency >= 1 && putConcurrency <= 256, "put-concurrency", "1 to 256");
    require(positive(initialBackoff), "initial-backoff", "positive");
    require(
        positive(maxBackoff) && maxBackoff.compareTo(initialBackoff) >= 0,
        "max-backoff",
        "at least initial-backoff");
    require(positive(idlePoll), "idle-poll", "positive");
    require(positive(retention), "retention", "positive");
    require(positive(pruneInterval), "prune-interval", "positive");
    Objects.requireNonNull(inline, "inline");
    Objects.requireNonNull(archive, "archive");
    require(maxAttempts >= 1 && maxAttempts <= 1000, "maxAttempts", "1 to 1000");
  }

  private static boolean positive(Duration d) {
    return d != null && !d.isNegative() && !d.isZero();
  }

  private static void require(boolean ok, String key, String rule) {
    if (!ok) {
      throw new IllegalArgumentException("ship." + key + ": " + rule);
    }
  }
}
