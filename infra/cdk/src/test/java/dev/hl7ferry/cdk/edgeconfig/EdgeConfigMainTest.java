package dev.hl7ferry.cdk.edgeconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hl7ferry.edge.config.ConfigLoader;
import dev.hl7ferry.edge.config.EdgeConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EdgeConfigMainTest {
  private static final String KEY =
      "arn:aws:kms:eu-central-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
  private static final String INBOUND =
      "https://sqs.eu-central-1.amazonaws.com/111122223333/hl7-ferry-inbound.fifo";

  /** What {@code cdk deploy --outputs-file} writes for a two-site stack with Roles Anywhere. */
  private static String outputs(String anchor) {
    return """
        {"HL7Ferry": {
          "BucketName": "hl7ferry-storagebucket-abc",
          "EdgeSite1": "{\\"site\\":\\"north\\",\\"region\\":\\"eu-central-1\\",\\"bucket\\":\\"hl7ferry-storagebucket-abc\\",\\"kmsKeyArn\\":\\"%1$s\\",\\"inboundQueueUrl\\":\\"%2$s\\",\\"outboundQueueUrl\\":\\"https://sqs.eu-central-1.amazonaws.com/111122223333/hl7-ferry-outbound-north.fifo\\",\\"receiptsQueueUrl\\":\\"https://sqs.eu-central-1.amazonaws.com/111122223333/hl7-ferry-receipts.fifo\\",\\"roleArn\\":\\"arn:aws:iam::111122223333:role/north\\",\\"trustAnchorArn\\":\\"%3$s\\",\\"profileArn\\":\\"%4$s\\",\\"archiveLockDays\\":\\"0\\"}",
          "EdgeSite2": "{\\"site\\":\\"south-2\\",\\"region\\":\\"eu-central-1\\",\\"bucket\\":\\"hl7ferry-storagebucket-abc\\",\\"kmsKeyArn\\":\\"%1$s\\",\\"inboundQueueUrl\\":\\"%2$s\\",\\"outboundQueueUrl\\":\\"https://sqs.eu-central-1.amazonaws.com/111122223333/hl7-ferry-outbound-south-2.fifo\\",\\"receiptsQueueUrl\\":\\"https://sqs.eu-central-1.amazonaws.com/111122223333/hl7-ferry-receipts.fifo\\",\\"roleArn\\":\\"arn:aws:iam::111122223333:role/south\\",\\"trustAnchorArn\\":\\"%3$s\\",\\"profileArn\\":\\"%4$s\\",\\"archiveLockDays\\":\\"365\\"}"
        }}
        """
        .formatted(
            KEY,
            INBOUND,
            anchor,
            anchor.isEmpty() ? "" : "arn:aws:rolesanywhere:eu-central-1:111122223333:profile/p");
  }

  @Test
  void writesOneYamlPerSiteThatTheEdgeLoadsAsShippingToTheStack(@TempDir Path dir)
      throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("outputs.json"),
            outputs("arn:aws:rolesanywhere:eu-central-1:111122223333:trust-anchor/t"));
    List<Path> written = EdgeConfigMain.write(file, "HL7Ferry", dir.resolve("edge"));
    assertEquals(
        List.of(dir.resolve("edge/edge-north.yaml"), dir.resolve("edge/edge-south-2.yaml")),
        written);

    EdgeConfig config = new ConfigLoader().load(written.get(1), Map.of());
    assertEquals("eu-central-1", config.cloud().region());
    assertTrue(config.ship().enabled());
    assertEquals("south-2", config.ship().site());
    assertEquals("hl7ferry-storagebucket-abc", config.ship().bucket());
    assertEquals(INBOUND, config.ship().queueUrl());
    assertEquals(KEY, config.ship().kmsKeyId());
    assertEquals(
        "https://sqs.eu-central-1.amazonaws.com/111122223333/hl7-ferry-outbound-south-2.fifo",
        config.outbound().queueUrl());
    assertEquals(
        "https://sqs.eu-central-1.amazonaws.com/111122223333/hl7-ferry-receipts.fifo",
        config.outbound().receiptsQueueUrl());
    assertTrue(config.outbound().destinations().isEmpty(), "delivery stays off until listed");

    String yaml = Files.readString(written.get(1));
    assertTrue(
        yaml.contains(
            "--trust-anchor-arn arn:aws:rolesanywhere:eu-central-1:111122223333:trust-anchor/t"),
        yaml);
    assertTrue(yaml.contains("--role-arn arn:aws:iam::111122223333:role/south"), yaml);
    assertTrue(yaml.contains("subject CN must be ferry-edge-south-2"), yaml);
    assertTrue(yaml.contains("hl7-ferry-outbound-south-2.fifo"), yaml);
    assertTrue(yaml.contains("locked for up to 365 days"), yaml);
    assertFalse(Files.readString(written.get(0)).contains("locked"), "north has no lock days");
  }

  @Test
  void withoutRolesAnywhereTheProfileAssumesTheRole(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("outputs.json"), outputs(""));
    Path north = EdgeConfigMain.write(file, "HL7Ferry", dir).get(0);
    String yaml = Files.readString(north);
    assertTrue(yaml.contains("#   role_arn = arn:aws:iam::111122223333:role/north"), yaml);
    assertFalse(yaml.contains("credential_process"), yaml);
    new ConfigLoader().load(north, Map.of());
  }

  @Test
  void aMissingStackOrKeyIsNamed(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("outputs.json"), outputs(""));
    assertEquals(
        "outputs: no stack Other",
        assertThrows(IllegalArgumentException.class, () -> EdgeConfigMain.write(file, "Other", dir))
            .getMessage());
    Path broken =
        Files.writeString(
            dir.resolve("broken.json"),
            outputs("").replace("\\\"bucket\\\"", "\\\"bucketName\\\""));
    assertEquals(
        "EdgeSite1.bucket is missing",
        assertThrows(
                IllegalArgumentException.class, () -> EdgeConfigMain.write(broken, "HL7Ferry", dir))
            .getMessage());
  }

  @Test
  void quotesYamlScalars() {
    assertEquals("\"a\\\"b\\\\c\\x0a\"", EdgeYaml.quote("a\"b\\c\n"));
  }
}
