package dev.hl7ferry.cdk.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hl7ferry.cdk.settings.VendorDestination.Type;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VendorsFileTest {
  private static final String VENDOR =
      """
      vendors:
        acme-ai:
          principal: "444455556666"
          externalId: acme-7f3a
          sites: [north]
          destinations:
      """;

  @TempDir Path dir;

  private FerrySettings read(String yaml) throws IOException {
    Path file = Files.writeString(dir.resolve("vendors.yaml"), yaml);
    return FerrySettings.fromContext(
        Map.<String, Object>of("sites", "north,south-2", "vendorsFile", file.toString())::get);
  }

  private String error(String yaml) {
    return assertThrows(IllegalArgumentException.class, () -> read(yaml)).getMessage();
  }

  @Test
  void theExampleVendorsFileReadsIntoVendorsWithEveryDestinationType() {
    List<Vendor> vendors = VendorsFile.read(Path.of("vendors.example.yaml"));
    assertEquals(2, vendors.size());
    Vendor acme = vendors.get(0);
    assertEquals("acme-ai", acme.name());
    assertTrue(acme.principalIsAccount());
    assertEquals("ACME_AI", acme.envName());
    assertEquals(List.of("north"), acme.sites());
    assertEquals(
        List.of(Type.SQS, Type.SQS, Type.EVENTBRIDGE, Type.S3, Type.HTTPS),
        acme.destinations().stream().map(VendorDestination::type).toList());
    VendorDestination made = acme.destinations().get(0);
    assertTrue(made.madeHere());
    assertEquals("FERRY_VENDOR_AI_QUEUE_URL", made.env("QUEUE_URL"));
    assertFalse(acme.destinations().get(1).madeHere());
    assertEquals("ferry/", acme.destinations().get(3).prefix());
    assertFalse(vendors.get(1).principalIsAccount());
  }

  @Test
  void noVendorsFileMeansNoVendorsAndNamesFollowThePrefix() throws IOException {
    FerrySettings none = FerrySettings.fromContext(Map.<String, Object>of("sites", "a")::get);
    assertTrue(none.vendors().isEmpty());
    FerrySettings s = read(VENDOR + "      q: { type: sqs }\n");
    assertEquals("hl7-ferry-results-acme-ai", s.resultsQueueName("acme-ai"));
    assertEquals("hl7-ferry-results-{vendor}", s.resultsQueuePattern());
    assertEquals("hl7-ferry-vendor-q.fifo", s.vendorQueueName("q"));
    assertEquals("hl7-ferry-vendor-acme-ai", s.vendorRoleName("acme-ai"));
  }

  @Test
  void aBadVendorNameIsRefusedNamingTheKey() {
    String message = error(VENDOR.replace("acme-ai:", "Acme_AI:"));
    assertTrue(message.startsWith("vendors: 'Acme_AI' must be 1-40 of a-z 0-9 -"), message);
    assertTrue(message.contains("vendors.yaml"), "names the file: " + message);
    assertTrue(error(VENDOR.replace("acme-ai:", "-acme:")).startsWith("vendors: '-acme'"));
    assertTrue(error(VENDOR.replace("acme-ai:", "x".repeat(41) + ":")).contains("must be 1-40"));
  }

  @Test
  void wrongVendorValuesAreRefusedNamingTheKey() {
    assertTrue(
        error(VENDOR.replace("\"444455556666\"", "bob"))
            .startsWith("vendors.acme-ai.principal: 'bob' is not an AWS account id"));
    assertTrue(
        error(VENDOR.replace("    externalId: acme-7f3a\n", ""))
            .startsWith("vendors.acme-ai.externalId: is required"));
    assertTrue(
        error(VENDOR.replace("[north]", "[east]"))
            .startsWith("vendors.acme-ai.sites: 'east' is not one of the stack's sites"));
    assertTrue(
        error(VENDOR.replace("[north]", "[]")).startsWith("vendors.acme-ai.sites: a list of"));
    assertTrue(
        error(VENDOR.replace("sites:", "site:")).startsWith("vendors.acme-ai.site: unknown key"));
    assertTrue(error("vendor: {}\n").startsWith("vendor: unknown key"));
  }

  @Test
  void wrongDestinationsAreRefusedNamingTheKey() {
    String at = "vendors.acme-ai.destinations.";
    assertTrue(error(VENDOR + "      q: { type: kafka }\n").startsWith(at + "q.type: 'kafka'"));
    assertTrue(
        error(VENDOR + "      q: { type: sqs, queueArm: x }\n")
            .startsWith(at + "q.queueArm: unknown key"));
    assertTrue(
        error(VENDOR + "      q: { type: sqs, queueArn: arn:aws:sns:eu-west-1:444455556666:q }\n")
            .startsWith(at + "q.queueArn: 'arn:aws:sns:"));
    assertTrue(
        error(VENDOR + "      b: { type: eventbridge }\n")
            .startsWith(at + "b.busArn: is required"));
    assertTrue(error(VENDOR + "      s: { type: s3 }\n").startsWith(at + "s.bucket: is required"));
    assertTrue(
        error(VENDOR + "      s: { type: s3, bucket: b12, prefix: 'a/*' }\n")
            .startsWith(at + "s.prefix:"));
    assertTrue(
        error(VENDOR + "      h: { type: https, url: 'http://x.example/' }\n")
            .startsWith(at + "h.url: 'http://x.example/' is not an https:// URL"));
    assertTrue(
        error(VENDOR + "      h: { type: https, url: 'https://x.example/' }\n")
            .startsWith(at + "h.secretArn: is required"));
    assertTrue(
        error(
                VENDOR
                    + "      h: { type: https, url: 'https://x.example/', secretArn:"
                    + " 'arn:aws:secretsmanager:eu-west-1:444455556666:secret:hook' }\n")
            .contains("full Secrets Manager secret ARN"));
    assertTrue(
        error(
                VENDOR
                    + "      q: { type: sqs, kmsKeyArn: 'arn:aws:kms:eu-west-1:444455556666:key/k' }\n")
            .startsWith(at + "q.kmsKeyArn: a queue made in this stack uses the stack's key"));
    assertTrue(error(VENDOR + "      Q: { type: sqs }\n").startsWith(at + "Q: the name must be"));
  }

  @Test
  void aDestinationNameIsGlobalAcrossVendors() {
    String two =
        VENDOR
            + "      q: { type: sqs }\n"
            + "  beta:\n    principal: \"444455556666\"\n    externalId: beta-1\n"
            + "    sites: [south-2]\n    destinations:\n      q: { type: sqs }\n";
    assertTrue(
        error(two).startsWith("vendors.beta.destinations.q: the name is used twice"), error(two));
  }
}
