package dev.hl7ferry.infra.local.aws;

import dev.hl7ferry.infra.local.LocalCloudConfig;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.CreateQueueRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesRequest;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Creates the queues of the local cloud through the SQS API, exactly as a deployment would: each
 * queue with its dead-letter queue and a redrive policy.
 */
public final class QueueProvisioner {

  private final SqsClient sqs;
  private final LocalCloudConfig config;

  public QueueProvisioner(SqsClient sqs, LocalCloudConfig config) {
    this.sqs = sqs;
    this.config = config;
  }

  /**
   * Creates (or finds) the inbound queue, one outbound queue per site and the receipts queue, each
   * with its dead-letter queue, and per vendor its results queue (with dead-letter queue) and its
   * destination queue; returns queue URLs by full queue name, dead-letter queues included.
   */
  public Map<String, String> provision() {
    Map<String, String> urls = new LinkedHashMap<>();
    createWithDeadLetterQueue(config.inboundQueue(), urls);
    for (String site : config.sites()) {
      createWithDeadLetterQueue(LocalCloudConfig.outboundQueue(site), urls);
    }
    createWithDeadLetterQueue(LocalCloudConfig.RECEIPTS_QUEUE, urls);
    for (String vendor : config.vendors()) {
      // As deployed: the results queue is standard whatever the others are; the vendor's own
      // queue is FIFO (message group = site, deduplication id = output id).
      String results = LocalCloudConfig.resultsQueue(vendor);
      String dlq = LocalCloudConfig.deadLetterQueue(results);
      String dlqUrl = create(dlq, false, Map.of());
      urls.put(
          results,
          create(results, false, Map.of(QueueAttributeName.REDRIVE_POLICY, redrive(dlqUrl))));
      urls.put(dlq, dlqUrl);
      String own = LocalCloudConfig.vendorQueue(vendor);
      urls.put(own, create(own, true, Map.of()));
    }
    return urls;
  }

  private void createWithDeadLetterQueue(String baseName, Map<String, String> urls) {
    String dlqName = config.queueName(LocalCloudConfig.deadLetterQueue(baseName));
    String dlqUrl = create(dlqName, config.fifo(), Map.of());
    String name = config.queueName(baseName);
    urls.put(
        name,
        create(name, config.fifo(), Map.of(QueueAttributeName.REDRIVE_POLICY, redrive(dlqUrl))));
    urls.put(dlqName, dlqUrl);
  }

  private String redrive(String dlqUrl) {
    String dlqArn =
        sqs.getQueueAttributes(
                GetQueueAttributesRequest.builder()
                    .queueUrl(dlqUrl)
                    .attributeNames(QueueAttributeName.QUEUE_ARN)
                    .build())
            .attributes()
            .get(QueueAttributeName.QUEUE_ARN);
    return "{\"deadLetterTargetArn\":\""
        + dlqArn
        + "\",\"maxReceiveCount\":\""
        + config.maxReceiveCount()
        + "\"}";
  }

  private String create(String name, boolean fifo, Map<QueueAttributeName, String> extra) {
    Map<QueueAttributeName, String> attributes = new EnumMap<>(QueueAttributeName.class);
    if (fifo) {
      attributes.put(QueueAttributeName.FIFO_QUEUE, "true");
      // Producers give explicit deduplication ids (the spool entry id), never content hashes.
      attributes.put(QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "false");
    }
    attributes.putAll(extra);
    return sqs.createQueue(
            CreateQueueRequest.builder().queueName(name).attributes(attributes).build())
        .queueUrl();
  }
}
