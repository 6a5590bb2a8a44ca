package dev.hl7ferry.cdk.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

class StorageAndQueuesTest {
  private final SynthesizedStack s = SynthesizedStack.get();

  @Test
  void theKeyRotates() {
    JsonNode key = Resources.only(s.json, "AWS::KMS::Key", "StorageKey");
    assertTrue(key.path("EnableKeyRotation").asBoolean(), key.toString());
  }

  @Test
  void theBucketIsSseKmsWithTheKeyPrivateVersionedLoggedAndObjectLocked() {
    JsonNode bucket = Resources.only(s.json, "AWS::S3::Bucket", "StorageBucket");
    JsonNode sse = bucket.path("BucketEncryption").path("ServerSideEncryptionConfiguration").get(0);
    assertEquals(
        "aws:kms", sse.path("ServerSideEncryptionByDefault").path("SSEAlgorithm").asText());
    assertTrue(
        sse.path("ServerSideEncryptionByDefault")
            .path("KMSMasterKeyID")
            .toString()
            .contains("StorageKey"),
        sse.toString());
    assertTrue(sse.path("BucketKeyEnabled").asBoolean());
    JsonNode block = bucket.path("PublicAccessBlockConfiguration");
    for (String flag :
        List.of(
            "BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")) {
      assertTrue(block.path(flag).asBoolean(), flag);
    }
    assertEquals("Enabled", bucket.path("VersioningConfiguration").path("Status").asText());
    assertTrue(bucket.path("ObjectLockEnabled").asBoolean(), "archiveLockDays=365 was given");
    assertTrue(bucket.has("LoggingConfiguration"), "server access logs");
  }

  @Test
  void theBucketPolicyRefusesAnythingButTls() {
    s.template.hasResourceProperties(
        "AWS::S3::BucketPolicy",
        Map.of(
            "PolicyDocument",
            Map.of(
                "Statement",
                Match.arrayWith(
                    List.of(
                        Match.objectLike(
                            Map.of(
                                "Effect",
                                "Deny",
                                "Condition",
                                Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))));
  }

  @Test
  void eachPrefixHasItsLifecycleRule() {
    JsonNode bucket = Resources.only(s.json, "AWS::S3::Bucket", "StorageBucket");
    Set<String> prefixes = new TreeSet<>();
    for (JsonNode rule : bucket.path("LifecycleConfiguration").path("Rules")) {
      assertEquals("Enabled", rule.path("Status").asText());
      if (rule.has("Prefix")) {
        prefixes.add(rule.path("Prefix").asText());
      }
      if ("archive/".equals(rule.path("Prefix").asText())) {
        assertEquals(
            "GLACIER_IR", rule.path("Transitions").get(0).path("StorageClass").asText(), "archive");
        assertFalse(rule.has("ExpirationInDays"), "the archive is kept by default");
      } else if (rule.has("Prefix")) {
        assertTrue(rule.path("ExpirationInDays").asInt() > 0, rule.toString());
      }
    }
    assertEquals(
        Set.of(
            "inbound/", "archive/", "outbound/", "errors/", "unmatched/", "results/", "originals/"),
        prefixes);
  }

  @Test
  void theBucketCountsPutsPerSiteForTheSilenceAlarm() {
    JsonNode bucket = Resources.only(s.json, "AWS::S3::Bucket", "StorageBucket");
    Set<String> filters = new TreeSet<>();
    bucket.path("MetricsConfigurations").forEach(m -> filters.add(m.path("Prefix").asText()));
    assertEquals(Set.of("inbound/north/", "inbound/south-2/"), filters);
  }

  @Test
  void everyQueueButResultsIsFifoEncryptedWithTheKeyAndEveryWorkQueueRedrivesToItsOwnDeadLetter() {
    Map<String, JsonNode> queues = Resources.ofType(s.json, "AWS::SQS::Queue");
    Set<String> names = new TreeSet<>();
    for (JsonNode queue : queues.values()) {
      JsonNode p = queue.get("Properties");
      String name = p.path("QueueName").asText();
      names.add(name);
      assertTrue(p.path("KmsMasterKeyId").toString().contains("StorageKey"), name);
      boolean results = name.startsWith("hl7-ferry-results-");
      // A vendor's results queue is standard (VendorsTest): results have no order to keep.
      assertEquals(!results, p.path("FifoQueue").asBoolean(), name);
      if (!results) {
        assertEquals("messageGroup", p.path("DeduplicationScope").asText(), name);
        assertEquals("perMessageGroupId", p.path("FifoThroughputLimit").asText(), name);
      }
      if (!name.endsWith("-dlq.fifo") && !name.endsWith("-dlq")) {
        JsonNode redrive = p.path("RedrivePolicy");
        String dlqId = redrive.path("deadLetterTargetArn").path("Fn::GetAtt").get(0).asText();
        String dlqName = queues.get(dlqId).path("Properties").path("QueueName").asText();
        assertEquals(results ? name + "-dlq" : name.replace(".fifo", "-dlq.fifo"), dlqName);
        assertTrue(redrive.path("maxReceiveCount").asInt() >= 5, name);
      }
    }
    assertEquals(
        new TreeSet<>(
            List.of(
                "hl7-ferry-inbound.fifo",
                "hl7-ferry-inbound-dlq.fifo",
                "hl7-ferry-receipts.fifo",
                "hl7-ferry-receipts-dlq.fifo",
                "hl7-ferry-outbound-north.fifo",
                "hl7-ferry-outbound-north-dlq.fifo",
                "hl7-ferry-outbound-south-2.fifo",
                "hl7-ferry-outbound-south-2-dlq.fifo",
                "hl7-ferry-results-acme-ai",
                "hl7-ferry-results-acme-ai-dlq",
                "hl7-ferry-results-beta-scan",
                "hl7-ferry-results-beta-scan-dlq",
                "hl7-ferry-vendor-vendor-ai.fifo",
                "hl7-ferry-vendor-vendor-ai-dlq.fifo",
                "hl7-ferry-vendor-beta-orders.fifo",
                "hl7-ferry-vendor-beta-orders-dlq.fifo")),
        names);
  }

  @Test
  void everyQueueRefusesAnythingButTls() {
    assertEquals(
        Resources.ofType(s.json, "AWS::SQS::Queue").size(),
        Resources.ofType(s.json, "AWS::SQS::QueuePolicy").values().stream()
            .filter(p -> p.toString().contains("\"aws:SecureTransport\":\"false\""))
            .count());
  }

  @Test
  void theInboundVisibilityTimeoutIsSixTimesTheFunctionTimeout() {
    JsonNode inbound =
        Resources.ofType(s.json, "AWS::SQS::Queue").values().stream()
            .map(q -> q.get("Properties"))
            .filter(p -> p.path("QueueName").asText().equals("hl7-ferry-inbound.fifo"))
            .findFirst()
            .orElseThrow();
    JsonNode function = Resources.only(s.json, "AWS::Lambda::Function", "ConverterFunction");
    assertEquals(6 * function.path("Timeout").asInt(), inbound.path("VisibilityTimeout").asInt());
  }

  @Test
  void logsAndAlarmTopicAreEncryptedWithTheKey() {
    assertTrue(
        Resources.only(s.json, "AWS::Logs::LogGroup", "ConverterLogs")
            .path("KmsKeyId")
            .toString()
            .contains("StorageKey"));
    assertTrue(
        Resources.only(s.json, "AWS::SNS::Topic", "AlarmsTopic")
            .path("KmsMasterKeyId")
            .toString()
            .contains("StorageKey"));
  }
}
