package dev.hl7ferry.cdk.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hl7ferry.cdk.FerryApp;
import dev.hl7ferry.cdk.converter.ConverterFunction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;

/** The vendors of {@code vendors.example.yaml} in the shared synth: queues, roles, converter. */
class VendorsTest {
  private static final String INBOX = "arn:aws:sqs:eu-central-1:444455556666:acme-inbox.fifo";
  private static final String INBOX_KEY =
      "arn:aws:kms:eu-central-1:444455556666:key/1234abcd-12ab-34cd-56ef-1234567890ab";
  private static final String BUS = "arn:aws:events:eu-central-1:444455556666:event-bus/acme";
  private static final String SECRET =
      "arn:aws:secretsmanager:eu-central-1:111122223333:secret:acme-hook-AbCdEf";

  private final SynthesizedStack s = SynthesizedStack.get();

  private Map<String, JsonNode> queuesByName() {
    Map<String, JsonNode> out = new TreeMap<>();
    Resources.ofType(s.json, "AWS::SQS::Queue")
        .forEach((id, q) -> out.put(q.path("Properties").path("QueueName").asText(), q));
    return out;
  }

  private static String logicalIdOf(JsonNode ref) {
    return ref.has("Ref") ? ref.path("Ref").asText() : ref.path("Fn::GetAtt").get(0).asText();
  }

  /** Action name to the resources (as JSON text) of the statement of that Sid. */
  private static Map<String, String> sids(JsonNode policy) {
    Map<String, String> out = new TreeMap<>();
    for (JsonNode st : Resources.statements(policy)) {
      assertEquals("Allow", st.path("Effect").asText());
      out.put(
          st.path("Sid").asText(),
          Resources.texts(st.path("Action")) + " " + st.path("Resource").toString());
    }
    return out;
  }

  @Test
  void eachVendorHasAStandardResultsQueueThatRedrivesLikeInbound() {
    Map<String, JsonNode> queues = queuesByName();
    for (String vendor : List.of("acme-ai", "beta-scan")) {
      JsonNode q = queues.get("hl7-ferry-results-" + vendor).path("Properties");
      assertFalse(q.has("FifoQueue"), "standard queue");
      assertTrue(q.path("KmsMasterKeyId").toString().contains("StorageKey"), q.toString());
      assertEquals(180, q.path("VisibilityTimeout").asInt());
      JsonNode redrive = q.path("RedrivePolicy");
      assertEquals(5, redrive.path("maxReceiveCount").asInt());
      String dlq = logicalIdOf(redrive.path("deadLetterTargetArn"));
      assertEquals(
          "hl7-ferry-results-" + vendor + "-dlq",
          s.json.path("Resources").path(dlq).path("Properties").path("QueueName").asText());
    }
    for (String made :
        List.of("hl7-ferry-vendor-vendor-ai.fifo", "hl7-ferry-vendor-beta-orders.fifo")) {
      JsonNode q = queues.get(made).path("Properties");
      assertTrue(q.path("FifoQueue").asBoolean(), made);
      assertEquals(10, q.path("RedrivePolicy").path("maxReceiveCount").asInt(), made);
    }
    assertNull(queues.get("hl7-ferry-vendor-acme-inbox.fifo"), "a given queue is not made");
  }

  @Test
  void theResultsQueuesDriveTheLiveAliasWithPartialBatchResponses() {
    Map<String, JsonNode> mappings = Resources.ofType(s.json, "AWS::Lambda::EventSourceMapping");
    assertEquals(3, mappings.size(), "inbound and two results queues");
    Set<String> sources = new TreeSet<>();
    for (JsonNode m : mappings.values()) {
      JsonNode p = m.path("Properties");
      assertTrue(p.path("FunctionName").toString().contains(":live"), p.toString());
      assertEquals(
          List.of("ReportBatchItemFailures"), Resources.texts(p.path("FunctionResponseTypes")));
      assertEquals(ConverterFunction.BATCH_SIZE, p.path("BatchSize").asInt());
      assertEquals(10, p.path("ScalingConfig").path("MaximumConcurrency").asInt());
      assertTrue(m.path("DependsOn").toString().contains("ConverterPolicy"), m.toString());
      String queue = logicalIdOf(p.path("EventSourceArn"));
      sources.add(
          s.json.path("Resources").path(queue).path("Properties").path("QueueName").asText());
    }
    assertEquals(
        Set.of(
            "hl7-ferry-inbound.fifo", "hl7-ferry-results-acme-ai", "hl7-ferry-results-beta-scan"),
        sources);
  }

  @Test
  void aVendorRoleIsTakenOnlyByItsPrincipalWithItsExternalId() {
    JsonNode acme = Resources.only(s.json, "AWS::IAM::Role", "VendorAccessRoleacmeai");
    assertEquals("hl7-ferry-vendor-acme-ai", acme.path("RoleName").asText());
    JsonNode trust = acme.path("AssumeRolePolicyDocument").path("Statement");
    assertEquals(1, trust.size(), trust.toString());
    assertEquals("sts:AssumeRole", trust.get(0).path("Action").asText());
    assertTrue(trust.get(0).path("Principal").toString().contains(":iam::444455556666:root"));
    assertEquals(
        "acme-7f3a",
        trust.get(0).path("Condition").path("StringEquals").path("sts:ExternalId").asText());
    JsonNode beta =
        Resources.only(s.json, "AWS::IAM::Role", "VendorAccessRolebetascan")
            .path("AssumeRolePolicyDocument")
            .path("Statement");
    assertEquals(1, beta.size());
    assertEquals(
        "arn:aws:iam::777788889999:role/beta-ferry",
        beta.get(0).path("Principal").path("AWS").asText());
    assertEquals(
        "beta-91c2",
        beta.get(0).path("Condition").path("StringEquals").path("sts:ExternalId").asText());
  }

  @Test
  void aVendorRoleMaySendItsResultsPutItsObjectsAndReadItsDestinationsOnly() {
    Map<String, String> acme =
        sids(Resources.only(s.json, "AWS::IAM::ManagedPolicy", "VendorAccessPolicyacmeai"));
    assertEquals(
        Set.of(
            "SendOwnResults",
            "PutOwnResultObjects",
            "ReadOwnDestinationQueues",
            "UseKeyThroughS3AndSqs"),
        acme.keySet());
    assertTrue(
        acme.get("SendOwnResults")
            .startsWith(
                "[sqs:SendMessage, sqs:GetQueueAttributes, sqs:GetQueueUrl] {\"Fn::GetAtt\":[\"VendorsResultsacmeai"),
        acme.get("SendOwnResults"));
    assertTrue(acme.get("PutOwnResultObjects").startsWith("[s3:PutObject] "));
    assertTrue(acme.get("PutOwnResultObjects").contains("/results/acme-ai/*\""));
    String reads = acme.get("ReadOwnDestinationQueues");
    assertTrue(
        reads.startsWith(
            "[sqs:ReceiveMessage, sqs:DeleteMessage, sqs:ChangeMessageVisibility,"
                + " sqs:GetQueueAttributes, sqs:GetQueueUrl]"),
        reads);
    assertTrue(reads.contains("VendorsDestinationvendorai") && reads.contains(INBOX), reads);
    assertEquals(
        "[kms:GenerateDataKey, kms:Decrypt]",
        acme.get("UseKeyThroughS3AndSqs")
            .substring(0, acme.get("UseKeyThroughS3AndSqs").indexOf(']') + 1));

    Map<String, String> beta =
        sids(Resources.only(s.json, "AWS::IAM::ManagedPolicy", "VendorAccessPolicybetascan"));
    assertTrue(beta.get("ReadOwnDestinationQueues").contains("VendorsDestinationbetaorders"));
    assertTrue(beta.get("PutOwnResultObjects").contains("/results/beta-scan/*\""));
  }

  @Test
  void aVendorRoleCannotTouchTheFerrysOwnQueuesOrAnotherVendorsQueuesAndPrefix() {
    for (String vendor : List.of("acmeai", "betascan")) {
      JsonNode policy =
          Resources.only(s.json, "AWS::IAM::ManagedPolicy", "VendorAccessPolicy" + vendor);
      String all = policy.path("PolicyDocument").toString();
      for (String forbidden :
          List.of(
              "QueuesInbound",
              "QueuesOutbound",
              "QueuesReceipts",
              "Dlq",
              "\"*\"",
              "inbound/",
              "outbound/",
              "originals/")) {
        assertFalse(all.contains(forbidden), vendor + " may touch " + forbidden + ": " + all);
      }
      String other = vendor.equals("acmeai") ? "betascan" : "acmeai";
      String otherName = vendor.equals("acmeai") ? "beta-scan" : "acme-ai";
      assertFalse(all.contains("VendorsResults" + other), all);
      assertFalse(all.contains("/results/" + otherName + "/"), all);
      assertFalse(all.contains(vendor.equals("acmeai") ? "betaorders" : "vendorai"), all);
      assertFalse(all.contains("acme-inbox") && vendor.equals("betascan"), all);
    }
  }

  @Test
  void theConverterReadsResultsKeepsOriginalsAndReachesExactlyTheVendorsDestinations() {
    Map<String, String> c =
        sids(Resources.only(s.json, "AWS::IAM::ManagedPolicy", "ConverterPolicy"));
    String consume = c.get("ConsumeResults");
    assertTrue(
        consume.contains("VendorsResultsacmeai") && consume.contains("VendorsResultsbetascan"),
        consume);
    assertFalse(consume.contains("Dlq"), consume);
    assertTrue(
        c.get("ReadResultPayloads").matches("\\[s3:GetObject] .*/results/\\*\"]]}"),
        c.get("ReadResultPayloads"));
    assertTrue(
        c.get("KeepOriginals").matches("\\[s3:GetObject, s3:PutObject] .*/originals/\\*\"]]}"),
        c.get("KeepOriginals"));
    String send = c.get("SendToVendorQueues");
    assertTrue(send.startsWith("[sqs:SendMessage] "), send);
    assertTrue(
        send.contains("VendorsDestinationvendorai")
            && send.contains("VendorsDestinationbetaorders")
            && send.contains(INBOX),
        send);
    assertEquals("[events:PutEvents] \"" + BUS + "\"", c.get("PutVendorEvents"));
    String objects = c.get("PutVendorObjects");
    assertTrue(
        objects.startsWith("[s3:PutObject] ") && objects.endsWith(":s3:::acme-drop/ferry/*\"]]}"),
        objects);
    assertEquals("[secretsmanager:GetSecretValue] \"" + SECRET + "\"", c.get("ReadWebhookSecrets"));
    assertEquals(
        "[kms:GenerateDataKey, kms:Decrypt] \"" + INBOX_KEY + "\"", c.get("UseVendorQueueKeys"));
    assertFalse(
        c.containsKey("UseVendorBucketKeys") || c.containsKey("UseVendorSecretKeys"), c.toString());
  }

  @Test
  void theConverterGetsEachDestinationAsAVariableAndNoSecret() {
    JsonNode env =
        Resources.only(s.json, "AWS::Lambda::Function", "ConverterFunction")
            .path("Environment")
            .path("Variables");
    assertEquals("hl7-ferry-results-{vendor}", env.path("FERRY_RESULTS_QUEUE").asText());
    assertEquals("north", env.path("FERRY_VENDOR_SITES_ACME_AI").asText());
    assertEquals("north,south-2", env.path("FERRY_VENDOR_SITES_BETA_SCAN").asText());
    assertEquals(
        "VendorsDestinationvendorai",
        logicalIdOf(env.path("FERRY_VENDOR_AI_QUEUE_URL")).replaceAll("[0-9A-F]{8}$", ""));
    assertEquals(
        "https://sqs.eu-central-1.amazonaws.com/444455556666/acme-inbox.fifo",
        env.path("FERRY_ACME_INBOX_QUEUE_URL").asText());
    assertEquals(BUS, env.path("FERRY_ACME_BUS_BUS_ARN").asText());
    assertEquals("acme-drop", env.path("FERRY_ACME_DROP_BUCKET").asText());
    assertEquals("ferry/", env.path("FERRY_ACME_DROP_PREFIX").asText());
    assertEquals("https://hooks.acme.example/ferry", env.path("FERRY_ACME_HOOK_URL").asText());
    assertEquals(SECRET, env.path("FERRY_ACME_HOOK_SECRET_ARN").asText());
    List<String> names = new ArrayList<>();
    env.fieldNames().forEachRemaining(names::add);
    assertEquals(
        5 + 3 + 8, names.size(), "five own, results + two vendors' sites, eight: " + names);
  }

  @Test
  void eachVendorHasItsQueueUrlsAndRoleArnAsOutputs() {
    JsonNode outputs = s.json.path("Outputs");
    for (String key :
        List.of(
            "Vendor1ResultsQueueUrl",
            "Vendor1RoleArn",
            "Vendor1Queue1Url",
            "Vendor2ResultsQueueUrl",
            "Vendor2RoleArn",
            "Vendor2Queue1Url",
            "ConverterRoleArn")) {
      assertTrue(outputs.has(key), key + " in " + outputs);
    }
    assertFalse(outputs.has("Vendor1Queue2Url"), "acme-inbox is the vendor's own queue");
    assertTrue(outputs.path("Vendor2RoleArn").toString().contains("VendorAccessRolebetascan"));
  }

  @Test
  void aBadVendorStopsTheSynthWithTheKeyNamed(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("v.yaml"), "vendors:\n  ACME: {}\n");
    App app =
        new App(
            AppProps.builder()
                .context(Map.of("sites", "north", "vendorsFile", file.toString()))
                .build());
    String message =
        assertThrows(IllegalArgumentException.class, () -> FerryApp.build(app)).getMessage();
    assertTrue(message.startsWith("vendors: 'ACME' must be 1-40 of a-z 0-9 -"), message);
  }
}
