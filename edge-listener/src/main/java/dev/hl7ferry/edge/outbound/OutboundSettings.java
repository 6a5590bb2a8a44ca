package dev.hl7ferry.edge.outbound;

import dev.hl7ferry.edge.deliver.DeliveryPolicy;
import dev.hl7ferry.edge.retry.Backoff;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Plain values the outbound half is built from (the config layer turns YAML into this).
 *
 * @param dataDir the edge's data directory: the store goes in {@code outbound/}, receipts in {@code
 *     receipts/}
 * @param site this edge's site (receipts carry it; it is their FIFO message group)
 * @param queueUrl the site's outbound queue
 * @param receiptsQueueUrl the receipts queue; empty keeps receipts on disk only
 * @param waitTime long-poll wait of one receive (20 s against AWS)
 * @param policy the delivery retry rules
 * @param retention how long delivered outputs and sent receipts are kept
 * @param cloudBackoff the wait after a failed receive or receipt send
 * @param maxUncommitted how many delivered outputs of one destination, counting the one in flight,
 *     may wait for their durable receipt and mark: at most this many per destination are delivered
 *     again after a crash
 */
public record OutboundSettings(
    Path dataDir,
    String site,
    String queueUrl,
    String receiptsQueueUrl,
    Duration waitTime,
    DeliveryPolicy policy,
    Duration retention,
    Backoff cloudBackoff,
    int maxUncommitted) {

  public OutboundSettings {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(queueUrl, "queueUrl");
    receiptsQueueUrl = receiptsQueueUrl == null ? "" : receiptsQueueUrl;
    Objects.requireNonNull(waitTime, "waitTime");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(retention, "retention");
    Objects.requireNonNull(cloudBackoff, "cloudBackoff");
    if (maxUncommitted < 1) {
      throw new IllegalArgumentException(
          "maxUncommitted must be at least 1, was " + maxUncommitted);
    }
  }

  /** The outbound store's directory. */
  public Path storeDir() {
    return dataDir.resolve("outbound");
  }

  /** The receipts' directory. */
  public Path receiptsDir() {
    return dataDir.resolve("receipts");
  }
}
