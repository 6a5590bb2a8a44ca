package dev.hl7ferry.edge.ship;

import dev.hl7ferry.contract.envelope.InlinePolicy;
import java.time.Duration;

/** Test builder of {@link ShipSettings}: sensible defaults, each group of values replaceable. */
public final class ShipSettingsBuilder {
  private final String site;
  private final String bucket;
  private final String queueUrl;
  private GroupKey groupKey = GroupKey.SENDING_FACILITY;
  private Encryption encryption = Encryption.KMS;
  private String kmsKeyId = "";
  private int fetchSize = 500;
  private int sendBatchSize = 10;
  private int putConcurrency = 32;
  private Duration initialBackoff = Duration.ofMillis(200);
  private Duration maxBackoff = Duration.ofSeconds(30);
  private Duration idlePoll = Duration.ofMillis(50);
  private Duration retention = Duration.ofDays(7);
  private Duration pruneInterval = Duration.ofMinutes(10);
  private InlinePolicy inline = InlinePolicy.defaults();
  private ArchiveMode archive = ArchiveMode.BATCH;
  private int maxAttempts = 5;

  private ShipSettingsBuilder(String site, String bucket, String queueUrl) {
    this.site = site;
    this.bucket = bucket;
    this.queueUrl = queueUrl;
  }

  /**
   * Defaults for a site, bucket and queue: FIFO if the URL says so, SSE-KMS with the default key.
   */
  public static ShipSettingsBuilder defaults(String site, String bucket, String queueUrl) {
    return new ShipSettingsBuilder(site, bucket, queueUrl);
  }

  /** A builder starting from {@code settings}. */
  public static ShipSettingsBuilder from(ShipSettings s) {
    return defaults(s.site(), s.bucket(), s.queueUrl())
        .groupKey(s.groupKey())
        .encryption(s.encryption(), s.kmsKeyId())
        .batching(s.fetchSize(), s.sendBatchSize(), s.putConcurrency())
        .backoff(s.initialBackoff(), s.maxBackoff())
        .idlePoll(s.idlePoll())
        .retention(s.retention(), s.pruneInterval())
        .inline(s.inline().maxBytes())
        .archive(s.archive())
        .maxAttempts(s.maxAttempts());
  }

  public ShipSettingsBuilder groupKey(GroupKey value) {
    groupKey = value;
    return this;
  }

  public ShipSettingsBuilder encryption(Encryption value, String kmsKey) {
    encryption = value;
    kmsKeyId = kmsKey;
    return this;
  }

  public ShipSettingsBuilder batching(int fetch, int sendBatch, int puts) {
    fetchSize = fetch;
    sendBatchSize = sendBatch;
    putConcurrency = puts;
    return this;
  }

  public ShipSettingsBuilder backoff(Duration initial, Duration max) {
    initialBackoff = initial;
    maxBackoff = max;
    return this;
  }

  public ShipSettingsBuilder idlePoll(Duration value) {
    idlePoll = value;
    return this;
  }

  public ShipSettingsBuilder retention(Duration value, Duration interval) {
    retention = value;
    pruneInterval = interval;
    return this;
  }

  public ShipSettingsBuilder inline(int maxBytes) {
    inline = new InlinePolicy(maxBytes);
    return this;
  }

  public ShipSettingsBuilder archive(ArchiveMode value) {
    archive = value;
    return this;
  }

  public ShipSettingsBuilder maxAttempts(int value) {
    maxAttempts = value;
    return this;
  }

  /** The settings; throws as {@link ShipSettings} does when a value is out of range. */
  public ShipSettings build() {
    return new ShipSettings(
        site,
        bucket,
        queueUrl,
        queueUrl.endsWith(".fifo"),
        groupKey,
        encryption,
        kmsKeyId,
        fetchSize,
        sendBatchSize,
        putConcurrency,
        initialBackoff,
        maxBackoff,
        idlePoll,
        retention,
        pruneInterval,
        inline,
        archive,
        maxAttempts);
  }
}
