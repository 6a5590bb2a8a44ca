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
   * with its dead-letter queue; returns queue URLs by full queue name, dead-letter queues included.
   */
  public Map<String, String> provision() {
    Map<String, String> urls = new LinkedHashMap<>();
    createWithDeadLetterQueue(config.inboundQueue(), urls);
    for (String site : config.sites()) {
      createWithDeadLetterQueue(LocalCloudConfig.outboundQueue(site), urls);
    }
    createWithDeadLetterQueue(LocalCloudConfig.RECEIPTS_QUEUE, urls);
    return urls;
  }

  private void createWithDeadLetterQueue(String baseName, Map<String, String> urls) {
    String dlqName = config.queueName(LocalCloudConfig.deadLetterQueue(baseName));
    String dlqUrl = create(dlqName, Map.of());
    String dlqArn =
        sqs.getQueueAttributes(
                GetQueueAttributesRequest.builder()
                    .queueUrl(dlqUrl)
                    .attributeNames(QueueAttributeName.QUEUE_ARN)
                    .build())
            .attributes()
            .get(QueueAttributeName.QUEUE_ARN);
    String redrive =
        "{\"deadLetterTargetArn\":\""
            + dlqArn
            + "\",\"maxReceiveCount\":\""
            + config.maxReceiveCount()
            + "\"}";
    String name = config.queueName(baseName);
    urls.put(name, create(name, Map.of(QueueAttributeName.REDRIVE_POLICY, redrive)));
    urls.put(dlqName, dlqUrl);
  }

  private String create(String name, Map<QueueAttributeName, String> extra) {
    Map<QueueAttributeName, String> attributes = new EnumMap<>(QueueAttributeName.class);
    if (config.fifo()) {
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
