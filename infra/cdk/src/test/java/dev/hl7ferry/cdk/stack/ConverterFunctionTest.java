package dev.hl7ferry.cdk.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hl7ferry.cdk.converter.ConverterFunction;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ConverterFunctionTest {
  private final SynthesizedStack s = SynthesizedStack.get();
  private final JsonNode function =
      Resources.only(s.json, "AWS::Lambda::Function", "ConverterFunction");

  @Test
  void runsTheZipOnJava21Arm64WithSnapStart() {
    assertEquals("java21", function.path("Runtime").asText());
    assertEquals("arm64", function.path("Architectures").get(0).asText());
    assertEquals("PublishedVersions", function.path("SnapStart").path("ApplyOn").asText());
    assertEquals(ConverterFunction.HANDLER + "::handleRequest", function.path("Handler").asText());
    assertTrue(function.path("Code").path("S3Key").asText().endsWith(".zip"));
    assertEquals(ConverterFunction.MEMORY_MB, function.path("MemorySize").asInt());
    assertEquals(30, function.path("Timeout").asInt());
    assertTrue(function.path("KmsKeyArn").toString().contains("StorageKey"));
  }

  @Test
  void getsItsSettingsFromFerryVariables() {
    JsonNode env = function.path("Environment").path("Variables");
    assertTrue(env.path("FERRY_BUCKET").toString().contains("StorageBucket"), env.toString());
    assertEquals("templates/", env.path("FERRY_TEMPLATES_PREFIX").asText());
    assertEquals("PT60S", env.path("FERRY_TEMPLATE_TTL").asText());
    assertEquals("hl7-ferry-outbound-{site}.fifo", env.path("FERRY_OUTBOUND_QUEUE").asText());
  }

  @Test
  void theInboundQueueDrivesTheLiveAliasWithPartialBatchResponses() {
    JsonNode alias = Resources.only(s.json, "AWS::Lambda::Alias", "ConverterLive");
    assertEquals("live", alias.path("Name").asText());
    assertTrue(alias.path("FunctionVersion").toString().contains("Version"), alias.toString());
    JsonNode mapping =
        Resources.only(
            s.json,
            "AWS::Lambda::EventSourceMapping",
            "ConverterLiveSqsEventSourceHL7FerryTestQueuesInbound");
    assertTrue(mapping.path("FunctionName").toString().contains(":live"), mapping.toString());
    assertEquals(
        List.of("ReportBatchItemFailures"), Resources.texts(mapping.path("FunctionResponseTypes")));
    assertEquals(ConverterFunction.BATCH_SIZE, mapping.path("BatchSize").asInt());
    assertEquals(10, mapping.path("ScalingConfig").path("MaximumConcurrency").asInt());
    assertTrue(mapping.path("EventSourceArn").toString().contains("QueuesInbound"));
    assertFalse(mapping.has("MaximumBatchingWindowInSeconds"), "FIFO sources take no window");
  }

  @Test
  void theRoleHasOnlyItsOwnManagedPolicyWithNamedActions() {
    JsonNode role = Resources.only(s.json, "AWS::IAM::Role", "ConverterRole");
    assertFalse(role.has("ManagedPolicyArns"), "no AWS-managed policy");
    assertTrue(Resources.ofType(s.json, "AWS::IAM::Policy").isEmpty(), "no inline policy");
    JsonNode policy = Resources.only(s.json, "AWS::IAM::ManagedPolicy", "ConverterPolicy");
    Set<String> actions = new TreeSet<>();
    for (JsonNode st : Resources.statements(policy)) {
      assertEquals("Allow", st.path("Effect").asText());
      for (String a : Resources.texts(st.path("Action"))) {
        assertFalse(a.contains("*"), "wildcard action " + a);
        actions.add(a);
      }
      for (String r : Resources.texts(st.path("Resource"))) {
        assertFalse(r.equals("*") || r.equals("\"*\""), "wildcard resource in " + st);
      }
    }
    assertEquals(
        new TreeSet<>(
            List.of(
                "logs:CreateLogStream",
                "logs:PutLogEvents",
                "sqs:ReceiveMessage",
                "sqs:DeleteMessage",
                "sqs:ChangeMessageVisibility",
                "sqs:GetQueueAttributes",
                "sqs:GetQueueUrl",
                "sqs:SendMessage",
                "s3:GetObject",
                "s3:ListBucket",
                "s3:PutObject",
                "kms:Decrypt",
                "kms:GenerateDataKey",
                // Only with vendors (VendorsTest): their buses and webhook secrets.
                "events:PutEvents",
                "secretsmanager:GetSecretValue")),
        actions);
    String writes =
        Resources.statement(policy, "WriteOutputsAndErrors").path("Resource").toString();
    for (String prefix : List.of("/outbound/*", "/errors/*", "/unmatched/*")) {
      assertTrue(writes.contains(prefix), prefix);
    }
    assertFalse(writes.contains("/inbound/"), "the converter never writes edge payloads");
    assertEquals(
        List.of("templates/*"),
        Resources.texts(
            Resources.statement(policy, "ListTemplates")
                .path("Condition")
                .path("StringLike")
                .path("s3:prefix")));
    String sends = Resources.statement(policy, "SendOutbound").path("Resource").toString();
    assertTrue(sends.contains("QueuesOutboundnorth") && sends.contains("QueuesOutboundsouth2"));
  }

  @Test
  void theFunctionWaitsForItsPolicy() {
    JsonNode all = s.json.get("Resources");
    all.fields()
        .forEachRemaining(
            e -> {
              String type = e.getValue().path("Type").asText();
              if (type.equals("AWS::Lambda::Function")
                  || type.equals("AWS::Lambda::EventSourceMapping")) {
                assertTrue(
                    e.getValue().path("DependsOn").toString().contains("ConverterPolicy"),
                    e.getKey() + " " + e.getValue().path("DependsOn"));
              }
            });
  }
}
