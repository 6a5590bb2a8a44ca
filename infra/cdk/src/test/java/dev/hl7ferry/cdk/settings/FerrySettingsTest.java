package dev.hl7ferry.cdk.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FerrySettingsTest {
  private static FerrySettings read(Map<String, Object> context) {
    return FerrySettings.fromContext(context::get);
  }

  private static String error(Map<String, Object> context) {
    return assertThrows(IllegalArgumentException.class, () -> read(context)).getMessage();
  }

  @Test
  void sitesAndDefaultsComeFromContext() {
    FerrySettings s = read(Map.of("sites", "north, south-2"));
    assertEquals(List.of("north", "south-2"), s.sites());
    assertEquals("hl7-ferry-inbound.fifo", s.inboundQueueName());
    assertEquals("hl7-ferry-receipts.fifo", s.receiptsQueueName());
    assertEquals("hl7-ferry-outbound-north.fifo", s.outboundQueueName("north"));
    assertEquals("hl7-ferry-outbound-{site}.fifo", s.outboundQueuePattern());
    assertEquals(
        "hl7-ferry-inbound-dlq.fifo", FerrySettings.deadLetterName("hl7-ferry-inbound.fifo"));
    assertEquals(10, s.maxConcurrency());
    assertEquals(60, s.edgeSilentMinutes());
    assertFalse(s.trust().rolesAnywhere());
  }

  @Test
  void jsonListsAndNumbersAreAccepted() {
    FerrySettings s = read(Map.of("sites", List.of("a", "b"), "maxConcurrency", 50));
    assertEquals(List.of("a", "b"), s.sites());
    assertEquals(50, s.maxConcurrency());
  }

  @Test
  void wrongValuesAreRefusedNamingTheKey() {
    assertTrue(error(Map.of()).startsWith("sites: at least one site"));
    assertTrue(error(Map.of("sites", "a/b")).startsWith("sites: 'a/b' must be"));
    assertTrue(error(Map.of("sites", "x".repeat(57))).contains("must be 1-56"));
    assertTrue(error(Map.of("sites", "a,a")).startsWith("sites: a site is named twice"));
    assertTrue(
        error(Map.of("sites", "a", "maxConcurrency", "1"))
            .startsWith("maxConcurrency: 1 is outside 2..1000"));
    assertTrue(
        error(Map.of("sites", "a", "edgeSilentMinutes", "ten"))
            .startsWith("edgeSilentMinutes: 'ten'"));
    assertTrue(error(Map.of("sites", "a", "namePrefix", "HL7")).startsWith("namePrefix:"));
    assertTrue(
        error(Map.of("sites", "a", "archiveGlacierDays", "30", "archiveExpireDays", "20"))
            .startsWith("archiveExpireDays:"));
    assertTrue(
        error(Map.of("sites", "a", "caCertificateFile", "ca.pem", "acmPcaArn", "arn:aws:acm-pca:x"))
            .contains("give one, not both"));
    assertTrue(
        error(Map.of("sites", "a", "edgePrincipals", "bob")).startsWith("edgePrincipals: 'bob'"));
  }

  @Test
  void aCaMeansRolesAnywhereAndTheSiteNamesTheCertificate() {
    Map<String, Object> c =
        new HashMap<>(
            Map.of(
                "sites",
                "a",
                "acmPcaArn",
                "arn:aws:acm-pca:eu-central-1:1:certificate-authority/x"));
    assertTrue(read(c).trust().rolesAnywhere());
    assertEquals("ferry-edge-a", EdgeTrust.commonName("a"));
  }

  @Test
  void theConverterZipIsFoundInItsFolderOrRefusedWithTheBuildCommand(@TempDir Path dir)
      throws Exception {
    String missing =
        assertThrows(IllegalStateException.class, () -> ConverterZip.resolve(dir)).getMessage();
    assertTrue(
        missing.contains("found 0") && missing.contains("mvn -B -pl converter-function"), missing);
    Path zip = Files.writeString(dir.resolve("converter-function-1.0-lambda.zip"), "PK");
    Files.writeString(dir.resolve("converter-function-1.0-all.jar"), "PK");
    assertEquals(zip, ConverterZip.resolve(dir));
    assertEquals(zip, ConverterZip.resolve(zip));
    Files.writeString(dir.resolve("converter-function-0.9-lambda.zip"), "PK");
    assertTrue(
        assertThrows(IllegalStateException.class, () -> ConverterZip.resolve(dir))
            .getMessage()
            .contains("found 2"));
  }
}
