package dev.hl7ferry.cdk.vendor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hl7ferry.cdk.converter.ConverterFunction;
import dev.hl7ferry.cdk.settings.FerrySettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.sqs.CfnQueue;

class VendorEnvironmentTest {
  @TempDir Path dir;

  private VendorResults queues;

  private Map<String, String> environment(String destinations) throws Exception {
    return environment(destinations, Map.of());
  }

  private Map<String, String> environment(String destinations, Map<String, Object> context)
      throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("vendors.yaml"),
            "vendors:\n  x-url:\n    principal: '444455556666'\n    externalId: x1\n"
                + "    sites: [north]\n    destinations:\n"
                + destinations);
    Map<String, Object> all = new HashMap<>(context);
    all.put("sites", "north");
    all.put("vendorsFile", file.toString());
    FerrySettings settings = FerrySettings.fromContext(all::get);
    Stack stack = new Stack(new App(), "T");
    queues = new VendorResults(stack, "V", settings, new Key(stack, "K"), Duration.seconds(180));
    return VendorEnvironment.of(settings, queues, ConverterFunction.ENVIRONMENT_NAMES);
  }

  @Test
  void aVariableNameTakenByTheConverterOrAnotherVendorIsRefusedNamingTheDestination() {
    String own =
        assertThrows(
                IllegalArgumentException.class,
                () -> environment("      templates: { type: s3, bucket: b12 }\n"))
            .getMessage();
    assertEquals(
        "vendors.x-url.destinations.templates: its converter variable FERRY_TEMPLATES_PREFIX is"
            + " already used; rename it",
        own);
    String sites =
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    environment(
                        "      vendor-sites-x:\n        type: https\n        url: https://h.example/\n"
                            + "        secretArn: arn:aws:secretsmanager:eu-west-1:444455556666:secret:h-AbCdEf\n"))
            .getMessage();
    assertTrue(sites.contains("FERRY_VENDOR_SITES_X_URL"), sites);
  }

  @Test
  void aGivenQueueArnBecomesItsUrl() {
    assertEquals(
        "https://sqs.eu-west-1.amazonaws.com/444455556666/q.fifo",
        VendorEnvironment.queueUrl("arn:aws:sqs:eu-west-1:444455556666:q.fifo"));
    assertEquals(
        "https://sqs.cn-north-1.amazonaws.com.cn/444455556666/q",
        VendorEnvironment.queueUrl("arn:aws-cn:sqs:cn-north-1:444455556666:q"));
  }

  @Test
  void theResultsQueuePatternIsTheNameOfTheQueuesMadeUnderAnyPrefix() throws Exception {
    Map<String, String> env =
        environment("      x-orders: { type: sqs }\n", Map.of("namePrefix", "ferry-prod"));

    String pattern = env.get("FERRY_RESULTS_QUEUE");
    assertEquals("ferry-prod-results-{vendor}", pattern);
    // What the converter reads is what the stack names the queue it subscribes the converter to.
    CfnQueue made = (CfnQueue) queues.results().get("x-url").getNode().getDefaultChild();
    assertEquals(pattern.replace("{vendor}", "x-url"), made.getQueueName());
    assertEquals("north", env.get("FERRY_VENDOR_SITES_X_URL"));
  }
}
