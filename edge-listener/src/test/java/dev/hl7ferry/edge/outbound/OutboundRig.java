package dev.hl7ferry.edge.outbound;

import dev.hl7ferry.contract.envelope.EnvelopeJson;
import dev.hl7ferry.contract.envelope.OutboundEnvelope;
import dev.hl7ferry.contract.envelope.PayloadDigest;
import dev.hl7ferry.contract.receipt.DeliveryReceipt;
import dev.hl7ferry.contract.receipt.ReceiptJson;
import dev.hl7ferry.edge.aws.AwsOutbound;
import dev.hl7ferry.edge.config.OutboundConfig;
import dev.hl7ferry.edge.deliver.DeliveryPolicy;
import dev.hl7ferry.edge.deliver.Destination;
import dev.hl7ferry.edge.deliver.Output;
import dev.hl7ferry.edge.retry.Backoff;
import dev.hl7ferry.edge.ship.CloudSettings;
import dev.hl7ferry.infra.local.LocalCloud;
import dev.hl7ferry.infra.local.aws.LocalClients;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * Puts outbound envelopes on the local cloud's outbound queue as the converter does (inline or
 * claim check, FIFO group = destination, dedup id = output id), starts the edge's outbound half
 * against it, and reads the receipts queue.
 */
final class OutboundRig implements AutoCloseable {
  static final String SITE = "site-a";

  private final LocalCloud cloud;
  private final SqsClient sqs;
  private final S3Client s3;

  OutboundRig(LocalCloud cloud) {
    this.cloud = cloud;
    this.sqs = LocalClients.sqs(cloud);
    this.s3 = LocalClients.s3(cloud);
  }

  static CloudSettings cloudSettings(LocalCloud cloud) {
    return new CloudSettings(
        cloud.region(),
        cloud.s3Endpoint(),
        cloud.sqsEndpoint(),
        true,
        16,
        Duration.ofSeconds(1),
        Duration.ofSeconds(5));
  }

  static OutboundSettings settings(LocalCloud cloud, Path dataDir, DeliveryPolicy policy) {
    return new OutboundSettings(
        dataDir,
        SITE,
        cloud.outboundQueueUrl(SITE),
        cloud.receiptsQueueUrl(),
        Duration.ofSeconds(1),
        policy,
        Duration.ofHours(1),
        Backoff.steady(Duration.ofMillis(50), Duration.ofMillis(500)),
        OutboundConfig.DEFAULT_MAX_UNCOMMITTED);
  }

  static DeliveryPolicy policy(int maxAttempts) {
    return new DeliveryPolicy(
        dev.hl7ferry.edge.deliver.OnApplicationError.DEAD_LETTER,
        maxAttempts,
        Backoff.steady(Duration.ofMillis(20), Duration.ofMillis(200)),
        Duration.ofMillis(200));
  }

  /** The outbound half of an edge in {@code dataDir}, started. */
  OutboundService start(
      Path dataDir, DeliveryPolicy policy, Map<String, Destination> destinations) {
    OutboundSettings settings = settings(cloud, dataDir, policy);
    OutboundService service =
        OutboundService.open(
            settings,
            destinations,
            AwsOutbound.cloud(
                settings,
                cloudSettings(cloud),
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(cloud.accessKeyId(), cloud.secretAccessKey()))),
            Clock.systemUTC());
    service.start();
    return service;
  }

  /** An HL7 output with MSH-10 {@code controlId}. */
  static String hl7(String controlId) {
    return "MSH|^~\\&|FERRY|CLOUD|LIS|HOSP|20260308000000||ORU^R01^ORU_R01|"
        + controlId
        + "|P|2.5.1\rPID|1||12345^^^HOSP^MR||DOE^JANE\rOBX|1|NM|GLU||5.4|mmol/L\r";
  }

  /** The envelope the converter would send for {@code text}; every third one a claim check. */
  OutboundEnvelope envelope(String id, String destination, String text, boolean inline) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    String key = "outbound/" + SITE + "/" + destination + "/" + id + "/oru.hl7";
    OutboundEnvelope claimCheck =
        new OutboundEnvelope(
            OutboundEnvelope.VERSION,
            id,
            SITE,
            "oru",
            destination,
            "oru-v1",
            cloud.bucket(),
            key,
            PayloadDigest.sha256Hex(bytes),
            bytes.length,
            Output.HL7_V2);
    if (inline) {
      return claimCheck.withInlinePayload(bytes);
    }
    s3.putObject(b -> b.bucket(cloud.bucket()).key(key), RequestBody.fromBytes(bytes));
    return claimCheck;
  }

  /** Sends envelope bodies in batches of ten, FIFO group = destination. */
  void send(List<OutboundEnvelope> envelopes) {
    List<String> bodies = new ArrayList<>();
    List<String[]> keys = new ArrayList<>();
    for (OutboundEnvelope e : envelopes) {
      bodies.add(EnvelopeJson.write(e));
      keys.add(
          new String[] {
            e.destination(), OutboundEntries.outputId(e.id(), e.route(), e.destination())
          });
    }
    sendRaw(bodies, keys);
  }

  /** Sends raw bodies; {@code keys} holds {group, dedup id} per body. */
  void sendRaw(List<String> bodies, List<String[]> keys) {
    for (int from = 0; from < bodies.size(); from += 10) {
      List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
      for (int i = from; i < Math.min(bodies.size(), from + 10); i++) {
        entries.add(
            SendMessageBatchRequestEntry.builder()
                .id(Integer.toString(i - from))
                .messageBody(bodies.get(i))
                .messageGroupId(keys.get(i)[0])
                .messageDeduplicationId(keys.get(i)[1])
                .build());
      }
      var response =
          sqs.sendMessageBatch(b -> b.queueUrl(cloud.outboundQueueUrl(SITE)).entries(entries));
      if (!response.failed().isEmpty()) {
        throw new IllegalStateException("send failed: " + response.failed());
      }
    }
  }

  /** Receipts on the receipts queue now (taken off it). */
  List<DeliveryReceipt> takeReceipts() {
    List<DeliveryReceipt> receipts = new ArrayList<>();
    while (true) {
      List<Message> messages =
          sqs.receiveMessage(
                  b ->
                      b.queueUrl(cloud.receiptsQueueUrl())
                          .maxNumberOfMessages(10)
                          .waitTimeSeconds(0))
              .messages();
      if (messages.isEmpty()) {
        return receipts;
      }
      for (Message m : messages) {
        receipts.add(ReceiptJson.read(m.body()));
        sqs.deleteMessage(
            b -> b.queueUrl(cloud.receiptsQueueUrl()).receiptHandle(m.receiptHandle()));
      }
    }
  }

  /** Messages visible or in flight on the outbound queue. */
  int outboundQueueDepth() {
    var attributes =
        sqs.getQueueAttributes(
                b ->
                    b.queueUrl(cloud.outboundQueueUrl(SITE))
                        .attributeNamesWithStrings(
                            "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"))
            .attributesAsStrings();
    return Integer.parseInt(attributes.get("ApproximateNumberOfMessages"))
        + Integer.parseInt(attributes.get("ApproximateNumberOfMessagesNotVisible"));
  }

  @Override
  public void close() {
    sqs.close();
    s3.close();
  }
}
