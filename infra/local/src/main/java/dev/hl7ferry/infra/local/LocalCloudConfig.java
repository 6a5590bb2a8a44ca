package dev.hl7ferry.infra.local;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What the local cloud should look like: where it listens, the bucket and queues it creates, and
 * whether S3 data live in memory (tests) or under a directory (survive restarts).
 *
 * @param host interface both servers bind to; 127.0.0.1 keeps the local cloud off the network
 * @param s3Port S3 port, 0 for an ephemeral one
 * @param sqsPort SQS port, 0 for an ephemeral one
 * @param region region name the clients sign with (the servers accept any)
 * @param bucket the bucket created at start
 * @param inboundQueue base name of the inbound queue (edge to converter)
 * @param sites one outbound queue (converter to edge) is created per site
 * @param fifo create FIFO queues ({@code .fifo} suffix, content-based deduplication off)
 * @param maxReceiveCount receives after which a message moves to its dead-letter queue
 * @param s3DataDir directory for S3 objects, or null to keep them in memory
 * @param vendors per vendor a standard results queue {@code hl7-ferry-results-{vendor}} (with its
 *     dead-letter queue) and a FIFO destination queue {@code hl7-ferry-vendor-{vendor}.fifo},
 *     always of those kinds whatever {@code fifo} says
 */
public record LocalCloudConfig(
    String host,
    int s3Port,
    int sqsPort,
    String region,
    String bucket,
    String inboundQueue,
    List<String> sites,
    boolean fifo,
    int maxReceiveCount,
    Path s3DataDir,
    List<String> vendors) {

  /** Loopback only: the local cloud has no real authentication. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  public static final String DEFAULT_REGION = "us-east-1";
  public static final String DEFAULT_BUCKET = "hl7-ferry-local";
  public static final String DEFAULT_INBOUND_QUEUE = "hl7-ferry-inbound";
  public static final String DEFAULT_SITE = "site-a";

  /** Base name of the receipts queue (edges to cloud: what became of each outbound output). */
  public static final String RECEIPTS_QUEUE = "hl7-ferry-receipts";

  /** Prefix of a vendor's results queue; the converter takes the vendor from the rest. */
  public static final String RESULTS_QUEUE_PREFIX = "hl7-ferry-results-";

  private static final String QUEUE_NAME = "[A-Za-z0-9_-]{1,70}";

  public LocalCloudConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(inboundQueue, "inboundQueue");
    sites = List.copyOf(sites);
    checkPort("s3Port", s3Port);
    checkPort("sqsPort", sqsPort);
    if (!bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
      throw new IllegalArgumentException("bucket: not a valid S3 bucket name: " + bucket);
    }
    if (!inboundQueue.matches(QUEUE_NAME)) {
      throw new IllegalArgumentException(
          "inboundQueue: not a valid queue base name: " + inboundQueue);
    }
    for (String site : sites) {
      if (!site.matches("[A-Za-z0-9_-]{1,40}")) {
        throw new IllegalArgumentException("sites: not a valid site name: " + site);
      }
    }
    vendors = List.copyOf(vendors);
    for (String vendor : vendors) {
      if (!vendor.matches("[A-Za-z0-9_-]{1,40}")) {
        throw new IllegalArgumentException("vendors: not a valid vendor name: " + vendor);
      }
    }
    if (maxReceiveCount < 1) {
      throw new IllegalArgumentException("maxReceiveCount: must be at least 1: " + maxReceiveCount);
    }
  }

  /** Ephemeral ports, in-memory S3, FIFO queues, one site {@value #DEFAULT_SITE}. */
  public static LocalCloudConfig defaults() {
    return new LocalCloudConfig(
        DEFAULT_HOST,
        0,
        0,
        DEFAULT_REGION,
        DEFAULT_BUCKET,
        DEFAULT_INBOUND_QUEUE,
        List.of(DEFAULT_SITE),
        true,
        3,
        null,
        List.of());
  }

  /** The same config as the canonical constructor before vendors existed: no vendor queues. */
  public LocalCloudConfig(
      String host,
      int s3Port,
      int sqsPort,
      String region,
      String bucket,
      String inboundQueue,
      List<String> sites,
      boolean fifo,
      int maxReceiveCount,
      Path s3DataDir) {
    this(
        host,
        s3Port,
        sqsPort,
        region,
        bucket,
        inboundQueue,
        sites,
        fifo,
        maxReceiveCount,
        s3DataDir,
        List.of());
  }

  /** The same config with a results queue and a destination queue per vendor. */
  public LocalCloudConfig withVendors(List<String> newVendors) {
    return new LocalCloudConfig(
        host,
        s3Port,
        sqsPort,
        region,
        bucket,
        inboundQueue,
        sites,
        fifo,
        maxReceiveCount,
        s3DataDir,
        newVendors);
  }

  public LocalCloudConfig withPorts(int newS3Port, int newSqsPort) {
    return new LocalCloudConfig(
        host,
        newS3Port,
        newSqsPort,
        region,
        bucket,
        inboundQueue,
        sites,
        fifo,
        maxReceiveCount,
        s3DataDir,
        vendors);
  }

  public LocalCloudConfig withBucket(String newBucket) {
    return new LocalCloudConfig(
        host,
        s3Port,
        sqsPort,
        region,
        newBucket,
        inboundQueue,
        sites,
        fifo,
        maxReceiveCount,
        s3DataDir,
        vendors);
  }

  public LocalCloudConfig withSites(List<String> newSites) {
    return new LocalCloudConfig(
        host,
        s3Port,
        sqsPort,
        region,
        bucket,
        inboundQueue,
        newSites,
        fifo,
        maxReceiveCount,
        s3DataDir,
        vendors);
  }

  public LocalCloudConfig withFifo(boolean newFifo) {
    return new LocalCloudConfig(
        host,
        s3Port,
        sqsPort,
        region,
        bucket,
        inboundQueue,
        sites,
        newFifo,
        maxReceiveCount,
        s3DataDir,
        vendors);
  }

  public LocalCloudConfig withMaxReceiveCount(int newMaxReceiveCount) {
    return new LocalCloudConfig(
        host,
        s3Port,
        sqsPort,
        region,
        bucket,
        inboundQueue,
        sites,
        fifo,
        newMaxReceiveCount,
        s3DataDir,
        vendors);
  }

  /** S3 objects under {@code dir} (created if missing), so they survive restarts. */
  public LocalCloudConfig withS3DataDir(Path dir) {
    return new LocalCloudConfig(
        host,
        s3Port,
        sqsPort,
        region,
        bucket,
        inboundQueue,
        sites,
        fifo,
        maxReceiveCount,
        dir,
        vendors);
  }

  /** Full name of a queue given its base name: FIFO queues must end in {@code .fifo}. */
  public String queueName(String baseName) {
    return fifo ? baseName + ".fifo" : baseName;
  }

  /** Base name of the outbound queue of {@code site}. */
  public static String outboundQueue(String site) {
    return "hl7-ferry-outbound-" + site;
  }

  /** Name of the results queue of {@code vendor} (standard, never FIFO). */
  public static String resultsQueue(String vendor) {
    return RESULTS_QUEUE_PREFIX + vendor;
  }

  /** Name of the FIFO queue standing in for {@code vendor}'s own service (a cloud destination). */
  public static String vendorQueue(String vendor) {
    return "hl7-ferry-vendor-" + vendor + ".fifo";
  }

  /** Base name of the dead-letter queue that belongs to {@code baseName}. */
  public static String deadLetterQueue(String baseName) {
    return baseName + "-dlq";
  }

  private static void checkPort(String key, int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(key + ": not a port number: " + port);
    }
  }
}
