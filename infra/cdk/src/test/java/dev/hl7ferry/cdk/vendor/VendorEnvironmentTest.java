package dev.hl7ferry.cdk.vendor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hl7ferry.cdk.converter.ConverterFunction;
import dev.hl7ferry.cdk.settings.FerrySettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.kms.Key;

class VendorEnvironmentTest {
  @TempDir Path dir;

  private Map<String, String> environment(String destinations) throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("vendors.yaml"),
            "vendors:\n  x-url:\n    principal: '444455556666'\n    externalId: x1\n"
                + "    sites: [north]\n    destinations:\n"
                + destinations);
    FerrySettings settings =
        FerrySettings.fromContext(
            Map.<String, Object>of("sites", "north", "vendorsFile", file.toString())::get);
    Stack stack = new Stack(new App(), "T");
    VendorResults queues =
        new VendorResults(stack, "V", settings, new Key(stack, "K"), Duration.seconds(180));
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
}
