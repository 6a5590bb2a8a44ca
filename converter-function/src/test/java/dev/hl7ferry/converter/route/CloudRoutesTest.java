package dev.hl7ferry.converter.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hl7ferry.converter.destination.CloudDestination;
import dev.hl7ferry.converter.destination.WebhookKey;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The routes file's cloudDestinations, vendors and result routes. */
class CloudRoutesTest {
  private static final Map<String, String> ENV =
      Map.of("FERRY_VENDOR_AI_QUEUE_URL", "https://sqs.x/1/ai.fifo", "FERRY_HOOK_SECRET", "k");

  private static final String FILE =
      "cloudDestinations:\n"
          + "  vendor-ai: { type: sqs, queueUrl: \"${FERRY_VENDOR_AI_QUEUE_URL}\" }\n"
          + "  vendor-bus: { type: eventbridge, busName: ai-bus, detailType: hl7ferry.output }\n"
          + "  vendor-bucket: { type: s3, bucket: vendor-b, prefix: ai-inbox/ }\n"
          + "  vendor-hook: { type: https, url: \"https://ai.example/hook\","
          + " secretEnv: FERRY_HOOK_SECRET, connectTimeoutMs: 2000, timeoutMs: 5000 }\n"
          + "vendors:\n"
          + "  demo-ai: { sites: [local, hospital-a] }\n"
          + "routes:\n"
          + "  - name: orm\n"
          + "    when: [{ field: message-type, equals: ORM }]\n"
          + "    template: t.json.liquid\n"
          + "    destinations: [hospital-a-lis, vendor-ai]\n"
          + "  - name: score\n"
          + "    when: [{ field: result-type, equals: ai-score }, { field: site, equals: local }]\n"
          + "    template: t.hl7.liquid\n"
          + "    destinations: [hospital-a-lis]\n";

  private static String error(String yaml, Map<String, String> env) {
    return assertThrows(RouteConfigException.class, () -> RouteLoader.parse("r.yaml", yaml, env))
        .getMessage();
  }

  @Test
  void everyTypeIsReadWithVariablesResolvedFromTheEnvironment() throws Exception {
    RouteTable t = RouteLoader.parse("r.yaml", FILE, ENV);

    assertEquals(
        "https://sqs.x/1/ai.fifo",
        assertInstanceOf(CloudDestination.Sqs.class, t.cloud("vendor-ai")).queueUrl());
    assertTrue(((CloudDestination.Sqs) t.cloud("vendor-ai")).fifo());
    assertEquals("hl7ferry", ((CloudDestination.EventBridge) t.cloud("vendor-bus")).source());
    assertEquals("ai-inbox/", ((CloudDestination.S3) t.cloud("vendor-bucket")).prefix());
    CloudDestination.Https hook = (CloudDestination.Https) t.cloud("vendor-hook");
    assertEquals(Duration.ofSeconds(5), hook.timeout());
    assertFalse(hook.toString().contains("k]"), "the secret stays out of toString");
    assertEquals(null, t.cloud("hospital-a-lis"), "an edge destination");
    assertTrue(t.vendors().get("demo-ai").mayWrite("hospital-a"));
    assertFalse(t.vendors().get("demo-ai").mayWrite("hospital-b"));
    assertFalse(t.routes().get(0).forResults());
    assertTrue(t.routes().get(1).forResults());
  }

  @Test
  void aMissingVariableIsNamedWithItsKey() {
    assertEquals(
        "r.yaml: cloudDestinations.vendor-ai.queueUrl: environment variable"
            + " FERRY_VENDOR_AI_QUEUE_URL is not set",
        error(FILE, Map.of("FERRY_HOOK_SECRET", "k")));
    assertEquals(
        "r.yaml: cloudDestinations.vendor-hook.secretEnv: environment variable FERRY_HOOK_SECRET"
            + " is not set",
        error(FILE, Map.of("FERRY_VENDOR_AI_QUEUE_URL", "q")));
  }

  @Test
  void aDefaultAppliesWhenTheVariableIsUnset() throws Exception {
    RouteTable t =
        RouteLoader.parse(
            "r.yaml",
            "cloudDestinations:\n  a: { type: sqs, queueUrl: \"${NOPE:-hl7-ferry-vendor-x.fifo}\" }\n"
                + "routes: []\n",
            Map.of());
    assertEquals("hl7-ferry-vendor-x.fifo", ((CloudDestination.Sqs) t.cloud("a")).queueUrl());
  }

  @Test
  void keysOfAnotherTypeAnUnknownTypeAndPlainHttpAreRefused() {
    assertEquals(
        "r.yaml: cloudDestinations.a: keys [bucket] do not apply to type sqs (allowed: type,"
            + " queueUrl)",
        error("cloudDestinations:\n  a: { type: sqs, queueUrl: q, bucket: b }\nroutes: []\n", ENV));
    assertEquals(
        "r.yaml: cloudDestinations.a.type: 'kafka' is not one of [sqs, eventbridge, s3, https]",
        error("cloudDestinations:\n  a: { type: kafka }\nroutes: []\n", ENV));
    assertEquals(
        "r.yaml: cloudDestinations.a.url: must be https:// (http:// only to a loopback host)",
        error(
            "cloudDestinations:\n  a: { type: https, url: \"http://ai.example/\","
                + " secretEnv: FERRY_HOOK_SECRET }\nroutes: []\n",
            ENV));
  }

  @Test
  void aVendorNeedsSites() {
    assertEquals(
        "r.yaml: vendors.demo-ai.sites: expected a non-empty list of sites",
        error("vendors:\n  demo-ai: { sites: [] }\nroutes: []\n", ENV));
    assertEquals(
        "r.yaml: vendors.demo-ai.sites[0]: expected a site name (1-64 of A-Z a-z 0-9 _ -)",
        error("vendors:\n  demo-ai: { sites: [\"a/b\"] }\nroutes: []\n", ENV));
  }

  @Test
  void aWebhookKeyCanBeNamedBySecretArnFromTheStacksVariable() throws Exception {
    String arn = "arn:aws:secretsmanager:eu-central-1:111122223333:secret:acme-hook-AbCdEf";
    RouteTable t =
        RouteLoader.parse(
            "r.yaml",
            "cloudDestinations:\n  acme-hook: { type: https, url: \"https://ai.example/h\","
                + " secretArn: \"${FERRY_ACME_HOOK_SECRET_ARN}\" }\nroutes: []\n",
            Map.of("FERRY_ACME_HOOK_SECRET_ARN", arn));
    CloudDestination.Https hook = (CloudDestination.Https) t.cloud("acme-hook");
    assertEquals(new WebhookKey.FromSecret(arn), hook.key());
    assertEquals("secretArn " + arn, hook.key().source());
  }

  @Test
  void aWebhookNeedsExactlyOneOfSecretEnvAndSecretArn() {
    String both =
        "cloudDestinations:\n  h: { type: https, url: \"https://ai.example/h\","
            + " secretEnv: FERRY_HOOK_SECRET,"
            + " secretArn: \"arn:aws:secretsmanager:eu-central-1:111122223333:secret:h\" }\n"
            + "routes: []\n";
    assertEquals(
        "r.yaml: cloudDestinations.h: exactly one of secretEnv, secretArn is required",
        error(both, ENV));
    assertEquals(
        "r.yaml: cloudDestinations.h: exactly one of secretEnv, secretArn is required",
        error(
            "cloudDestinations:\n  h: { type: https, url: \"https://ai.example/h\" }\nroutes: []\n",
            ENV));
    assertEquals(
        "r.yaml: cloudDestinations.h.secretArn: expected a Secrets Manager secret ARN"
            + " (arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME)",
        error(
            "cloudDestinations:\n  h: { type: https, url: \"https://ai.example/h\","
                + " secretArn: \"${X:-not-an-arn}\" }\nroutes: []\n",
            ENV));
    assertEquals(
        "r.yaml: cloudDestinations.h.secretArn: environment variable FERRY_H_SECRET_ARN is not"
            + " set",
        error(
            "cloudDestinations:\n  h: { type: https, url: \"https://ai.example/h\","
                + " secretArn: \"${FERRY_H_SECRET_ARN}\" }\nroutes: []\n",
            ENV));
  }
}
