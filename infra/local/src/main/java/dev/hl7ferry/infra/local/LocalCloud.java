package dev.hl7ferry.infra.local;

import dev.hl7ferry.infra.local.aws.LocalClients;
import dev.hl7ferry.infra.local.aws.QueueProvisioner;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The local cloud: an S3-compatible server (S3Proxy) and an SQS-compatible server (ElasticMQ)
 * running in this JVM on the loopback interface, with the bucket and queues already created.
 *
 * <p>Start one with {@link #start}, read its endpoints, queue URLs and credentials, and {@link
 * #close} it: ElasticMQ's threads keep the JVM alive until then. Queues live in memory; S3 objects
 * live in memory too unless {@link LocalCloudConfig#s3DataDir} is set.
 */
public final class LocalCloud implements AutoCloseable {

  private final LocalCloudConfig config;
  private final S3Server s3;
  private final SqsServer sqs;
  private final Map<String, String> queueUrls;
  private volatile boolean closed;

  private LocalCloud(
      LocalCloudConfig config, S3Server s3, SqsServer sqs, Map<String, String> queueUrls) {
    this.config = config;
    this.s3 = s3;
    this.sqs = sqs;
    this.queueUrls = Map.copyOf(queueUrls);
  }

  /** Starts both servers, creates the bucket and the queues; returns once all are ready. */
  public static LocalCloud start(LocalCloudConfig config) {
    Objects.requireNonNull(config, "config");
    LibraryLogging.quiet();
    StaticCredentials credentials = StaticCredentials.LOCAL;
    S3Server s3 = S3Server.start(config, credentials);
    SqsServer sqs = null;
    try {
      sqs = SqsServer.start(config);
      Map<String, String> urls;
      try (SqsClient client = LocalClients.sqs(sqs.endpoint(), config.region(), credentials)) {
        urls = new QueueProvisioner(client, config).provision();
      }
      return new LocalCloud(config, s3, sqs, urls);
    } catch (RuntimeException e) {
      closeAfterFailure(s3, sqs, e);
      throw e;
    }
  }

  /** Starts a local cloud with {@link LocalCloudConfig#defaults()}. */
  public static LocalCloud start() {
    return start(LocalCloudConfig.defaults());
  }

  public LocalCloudConfig config() {
    return config;
  }

  /** S3 endpoint, e.g. {@code http://127.0.0.1:40123}; use path-style addressing. */
  public URI s3Endpoint() {
    return s3.endpoint();
  }

  /** SQS endpoint, e.g. {@code http://127.0.0.1:40124}. */
  public URI sqsEndpoint() {
    return sqs.endpoint();
  }

  public int s3Port() {
    return s3.port();
  }

  public int sqsPort() {
    return sqs.port();
  }

  public String region() {
    return config.region();
  }

  public String bucket() {
    return config.bucket();
  }

  public StaticCredentials credentials() {
    return StaticCredentials.LOCAL;
  }

  public String accessKeyId() {
    return credentials().accessKeyId();
  }

  public String secretAccessKey() {
    return credentials().secretAccessKey();
  }

  /** URL of the inbound queue (edge to converter). */
  public String inboundQueueUrl() {
    return queueUrl(config.inboundQueue());
  }

  /** URL of the inbound queue's dead-letter queue. */
  public String inboundDeadLetterQueueUrl() {
    return queueUrl(LocalCloudConfig.deadLetterQueue(config.inboundQueue()));
  }

  /** URL of the outbound queue of {@code site} (converter to edge). */
  public String outboundQueueUrl(String site) {
    return queueUrl(LocalCloudConfig.outboundQueue(site));
  }

  /** URL of the dead-letter queue of the outbound queue of {@code site}. */
  public String outboundDeadLetterQueueUrl(String site) {
    return queueUrl(LocalCloudConfig.deadLetterQueue(LocalCloudConfig.outboundQueue(site)));
  }

  /** URL of the receipts queue (edges to cloud, one message group per site). */
  public String receiptsQueueUrl() {
    return queueUrl(LocalCloudConfig.RECEIPTS_QUEUE);
  }

  /** URL of the results queue of {@code vendor} (standard queue; vendor to converter). */
  public String resultsQueueUrl(String vendor) {
    return exactQueueUrl(LocalCloudConfig.resultsQueue(vendor));
  }

  /** URL of the dead-letter queue of the results queue of {@code vendor}. */
  public String resultsDeadLetterQueueUrl(String vendor) {
    return exactQueueUrl(LocalCloudConfig.deadLetterQueue(LocalCloudConfig.resultsQueue(vendor)));
  }

  /** URL of the FIFO queue standing in for {@code vendor}'s service (converter to vendor). */
  public String vendorQueueUrl(String vendor) {
    return exactQueueUrl(LocalCloudConfig.vendorQueue(vendor));
  }

  /** Every queue URL by full queue name (FIFO names end in {@code .fifo}). */
  public Map<String, String> queueUrls() {
    return queueUrls;
  }

  /** Stops both servers. Queues and in-memory objects are gone; a data directory is kept. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    RuntimeException failure = null;
    try {
      sqs.close();
    } catch (RuntimeException e) {
      failure = e;
    }
    try {
      s3.close();
    } catch (RuntimeException e) {
      if (failure == null) {
        failure = e;
      } else {
        failure.addSuppressed(e);
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** One line per endpoint and queue, for people and scripts. */
  public String describe() {
    StringBuilder out = new StringBuilder();
    out.append("s3.endpoint=").append(s3Endpoint()).append('\n');
    out.append("sqs.endpoint=").append(sqsEndpoint()).append('\n');
    out.append("region=").append(region()).append('\n');
    out.append("bucket=").append(bucket()).append('\n');
    out.append("access-key-id=").append(accessKeyId()).append('\n');
    out.append("secret-access-key=").append(secretAccessKey()).append('\n');
    out.append("s3.data-dir=")
        .append(config.s3DataDir() == null ? "(in memory)" : config.s3DataDir().toAbsolutePath())
        .append('\n');
    queueUrls.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e ->
                out.append("queue.")
                    .append(e.getKey())
                    .append('=')
                    .append(e.getValue())
                    .append('\n'));
    return out.toString();
  }

  private String queueUrl(String baseName) {
    return exactQueueUrl(config.queueName(baseName));
  }

  private String exactQueueUrl(String name) {
    String url = queueUrls.get(name);
    if (url == null) {
      throw new IllegalArgumentException("no such queue in this local cloud: " + name);
    }
    return url;
  }

  private static void closeAfterFailure(S3Server s3, SqsServer sqs, RuntimeException cause) {
    try {
      if (sqs != null) {
        sqs.close();
      }
    } catch (RuntimeException e) {
      cause.addSuppressed(e);
    }
    try {
      s3.close();
    } catch (RuntimeException e) {
      cause.addSuppressed(e);
    }
  }
}
