package dev.hl7ferry.cdk.vendor;

import dev.hl7ferry.cdk.queue.EncryptedQueue;
import dev.hl7ferry.cdk.queue.FerryQueues;
import dev.hl7ferry.cdk.settings.FerrySettings;
import dev.hl7ferry.cdk.settings.Vendor;
import dev.hl7ferry.cdk.settings.VendorDestination;
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
 * The vendors' queues: per vendor a standard results queue {@code {prefix}-results-{vendor}} (the
 * vendor sends result envelopes, the converter reads; dead letter after as many receives as the
 * inbound queue) and, for each SQS destination given without a queue ARN, a FIFO queue {@code
 * {prefix}-vendor-{destination}.fifo} (the converter sends, the vendor reads).
 */
public final class VendorResults extends Construct {
  private final Map<String, Queue> results = new LinkedHashMap<>();
  private final Map<String, Queue> destinationQueues = new LinkedHashMap<>();
  private final List<Queue> deadLetters = new ArrayList<>();

  /**
   * @param resultsVisibility the converter's queue visibility (six times its timeout), like inbound
   */
  public VendorResults(
      Construct scope, String id, FerrySettings settings, IKey key, Duration resultsVisibility) {
    super(scope, id);
    EncryptedQueue queues = new EncryptedQueue(this, key, deadLetters);
    for (Vendor vendor : settings.vendors()) {
      // Standard, not FIFO: results of one vendor have no order to keep and need no group id.
      results.put(
          vendor.name(),
          queues.standard(
              "Results-" + vendor.name(),
              settings.resultsQueueName(vendor.name()),
              resultsVisibility,
              FerryQueues.INBOUND_MAX_RECEIVES));
      for (VendorDestination d : vendor.destinations()) {
        if (d.madeHere()) {
          // FIFO: the converter's SQS destination groups by site and deduplicates by output id.
          destinationQueues.put(
              d.name(),
              queues.fifo(
                  "Destination-" + d.name(),
                  settings.vendorQueueName(d.name()),
                  Duration.minutes(5),
                  FerryQueues.OUTBOUND_MAX_RECEIVES));
        }
      }
    }
  }

  /** Vendor name to its results queue, in the order of the settings. */
  public Map<String, Queue> results() {
    return Collections.unmodifiableMap(results);
  }

  /** Destination name to the queue made for it (SQS destinations without a queue ARN). */
  public Map<String, Queue> destinationQueues() {
    return Collections.unmodifiableMap(destinationQueues);
  }

  /** The dead-letter queues of both kinds. */
  public List<Queue> deadLetters() {
    return List.copyOf(deadLetters);
  }
}
