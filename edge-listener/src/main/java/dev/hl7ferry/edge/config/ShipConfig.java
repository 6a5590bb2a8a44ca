package dev.hl7ferry.edge.config;

import dev.hl7ferry.edge.receive.AckAfter;
import dev.hl7ferry.edge.ship.Encryption;
import dev.hl7ferry.edge.ship.GroupKey;
import java.util.List;

/**
 * The {@code ship} section: whether and where spooled messages go (S3 bucket, SQS queue), how, and
 * when the sender gets its ACK. See {@code ferry-edge-default.yaml} for what each key means.
 */
public record ShipConfig(
    boolean enabled,
    String site,
    String bucket,
    String queueUrl,
    Encryption encryption,
    String kmsKeyId,
    GroupKey groupKey,
    int fetchSize,
    int sendBatchSize,
    int putConcurrency,
    int initialBackoffMillis,
    int maxBackoffMillis,
    int idlePollMillis,
    int retentionHours,
    int pruneIntervalSeconds,
    AckAfter ackAfter,
    int ackTimeoutSeconds,
    int inlineMaxBytes,
    String archive,
    int maxAttempts) {

  List<String> problems() {
    Problems problems =
        new Problems("ship")
            .require(encryption != null, "encryption", "must be none, s3_managed or kms")
            .require(groupKey != null, "groupKey", "must be one of " + List.of(GroupKey.values()))
            .require(ackAfter != null, "ackAfter", "must be spool or cloud")
            .range("fetchSize", fetchSize, 1, 10_000)
            .range("sendBatchSize", sendBatchSize, 1, 10)
            .range("putConcurrency", putConcurrency, 1, 256)
            .range("initialBackoffMillis", initialBackoffMillis, 1, 3_600_000)
            .range(
                "maxBackoffMillis", maxBackoffMillis, Math.max(1, initialBackoffMillis), 3_600_000)
            .range("idlePollMillis", idlePollMillis, 1, 60_000)
            .range("retentionHours", retentionHours, 1, 24 * 3_660)
            .range("pruneIntervalSeconds", pruneIntervalSeconds, 1, 86_400)
            .range("ackTimeoutSeconds", ackTimeoutSeconds, 1, 3_600)
            .range("inlineMaxBytes", inlineMaxBytes, 0, 1_048_576)
            .require(
                List.of("batch", "perMessage", "none").contains(archive),
                "archive",
                "must be batch, perMessage or none")
            .range("maxAttempts", maxAttempts, 1, 1_000);
    if (!enabled) {
      return problems
          .require(ackAfter != AckAfter.CLOUD, "ackAfter", "cloud needs ship.enabled: true")
          .list();
    }
    return problems
        .require(
            site != null && site.matches("[A-Za-z0-9_-]{1,64}"), "site", "1-64 of A-Z a-z 0-9 _ -")
        .require(bucket != null && !bucket.isBlank(), "bucket", "must be set")
        .require(queueUrl(queueUrl), "queueUrl", "must be the queue's http(s) URL")
        .require(
            encryption == Encryption.KMS || kmsKeyId == null || kmsKeyId.isEmpty(),
            "kmsKeyId",
            "only with encryption: kms")
        .list();
  }

  private static boolean queueUrl(String value) {
    return Problems.httpUrl(value);
  }
}
