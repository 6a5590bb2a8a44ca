package dev.hl7ferry.edge.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hl7ferry.edge.receive.AckAfter;
import dev.hl7ferry.edge.server.Settings;
import dev.hl7ferry.edge.ship.Encryption;
import dev.hl7ferry.edge.ship.GroupKey;
import dev.hl7ferry.edge.ship.ShipSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path dir;

  private Path yaml(String text) throws Exception {
    Path file = dir.resolve("edge.yaml");
    Files.writeString(file, text);
    return file;
  }

  @Test
  void theShippedDefaultsAreValid() throws Exception {
    EdgeConfig config = new ConfigLoader().load(null, Map.of());
    assertEquals(2575, config.listener().port());
    assertEquals(16 * 1024 * 1024, config.listener().maxFrameBytes());
    assertEquals(SpoolConfig.Durability.FULL, config.spool().durability());
  }

  @Test
  void aFileOverridesOnlyTheKeysItNames() throws Exception {
    EdgeConfig config =
        new ConfigLoader()
            .load(yaml("listener:\n  port: 3000\nspool:\n  durability: none\n"), Map.of());
    assertEquals(3000, config.listener().port());
    assertEquals(1000, config.listener().maxConnections());
    assertEquals(SpoolConfig.Durability.NONE, config.spool().durability());
  }

  @Test
  void flagsOverrideTheFile() throws Exception {
    EdgeConfig config =
        new ConfigLoader()
            .load(
                yaml("listener:\n  port: 3000\n"),
                Map.of("listener.port", 4000, "spool.dataDir", "/var/ferry"));
    assertEquals(4000, config.listener().port());
    assertEquals("/var/ferry", config.spool().dataDir());
  }

  @Test
  void anUnknownKeyIsNamed() throws Exception {
    Path file = yaml("listener:\n  prot: 3000\n");
    ConfigException e =
        assertThrows(ConfigException.class, () -> new ConfigLoader().load(file, Map.of()));
    assertTrue(e.getMessage().contains("listener.prot: unknown key"), e.getMessage());
  }

  @Test
  void aWrongTypeIsNamed() throws Exception {
    Path file = yaml("listener:\n  maxConnections: many\n");
    ConfigException e =
        assertThrows(ConfigException.class, () -> new ConfigLoader().load(file, Map.of()));
    assertTrue(e.getMessage().contains("listener.maxConnections"), e.getMessage());
  }

  @Test
  void anInvalidValueIsNamedWithTheProblem() throws Exception {
    Path file = yaml("listener:\n  port: 70000\ncharset:\n  fallback: KLINGON\n");
    ConfigException e =
        assertThrows(ConfigException.class, () -> new ConfigLoader().load(file, Map.of()));
    assertTrue(
        e.getMessage().contains("listener.port: must be between 0 and 65535, was 70000"),
        e.getMessage());
    assertTrue(
        e.getMessage().contains("charset.fallback: unknown charset 'KLINGON'"), e.getMessage());
  }

  @Test
  void theInFlightBudgetIsAnEighthOfTheHeapAtMost64MibUnlessSet() throws Exception {
    LimitsConfig limits = new ConfigLoader().load(null, Map.of()).limits();
    assertEquals(0, limits.inFlightBytes());
    assertEquals(32L << 20, limits.budget(256L << 20));
    assertEquals(64L << 20, limits.budget(4L << 30));
    LimitsConfig set =
        new ConfigLoader().load(yaml("limits:\n  inFlightBytes: 1048576\n"), Map.of()).limits();
    assertEquals(1L << 20, set.budget(4L << 30));
  }

  @Test
  void aTooSmallInFlightBudgetIsNamed() throws Exception {
    Path file = yaml("limits:\n  inFlightBytes: 1000\n");
    ConfigException e =
        assertThrows(ConfigException.class, () -> new ConfigLoader().load(file, Map.of()));
    assertTrue(
        e.getMessage().contains("limits.inFlightBytes: must be 0 (the default) or at least 65536"),
        e.getMessage());
  }

  @Test
  void byDefaultNothingShipsAndAcksFollowTheSpool() throws Exception {
    EdgeConfig config = new ConfigLoader().load(null, Map.of());
    assertFalse(config.ship().enabled());
    assertEquals(AckAfter.SPOOL, config.ship().ackAfter());
    assertNull(config.cloud().s3EndpointUri());
  }

  @Test
  void aShipSectionBecomesTheShippersSettings() throws Exception {
    Path file =
        yaml(
            """
            cloud:
              region: us-east-1
              s3Endpoint: http://127.0.0.1:9090
              sqsEndpoint: http://127.0.0.1:9324
              pathStyle: true
            ship:
              enabled: true
              site: north
              bucket: hl7-ferry
              queueUrl: http://127.0.0.1:9324/000000000000/hl7-ferry-inbound.fifo
              encryption: kms
              kmsKeyId: alias/ferry
              groupKey: sending_application
              putConcurrency: 8
              retentionHours: 48
              pruneIntervalSeconds: 60
              ackAfter: cloud
              ackTimeoutSeconds: 5
            """);
    EdgeConfig config = new ConfigLoader().load(file, Map.of());
    ShipSettings ship = Settings.ship(config.ship());
    assertTrue(ship.fifo());
    assertEquals(GroupKey.SENDING_APPLICATION, ship.groupKey());
    assertEquals(Encryption.KMS, ship.encryption());
    assertEquals("alias/ferry", ship.kmsKeyId());
    assertEquals(8, ship.putConcurrency());
    assertEquals(Duration.ofHours(48), ship.retention());
    assertEquals(Duration.ofMinutes(1), ship.pruneInterval());
    assertEquals(AckAfter.CLOUD, config.ship().ackAfter());
    assertEquals(Duration.ofSeconds(5), Settings.ack(config.ship()).timeout());
    assertEquals("http://127.0.0.1:9090", config.cloud().s3EndpointUri().toString());
  }

  @Test
  void enabledShippingNamesEveryMissingKey() throws Exception {
    Path file = yaml("ship:\n  enabled: true\n  site: 'north pole'\n  encryption: none\n");
    ConfigException e =
        assertThrows(ConfigException.class, () -> new ConfigLoader().load(file, Map.of()));
    assertTrue(e.getMessage().contains("ship.site: 1-64 of"), e.getMessage());
    assertTrue(e.getMessage().contains("ship.bucket: must be set"), e.getMessage());
    assertTrue(e.getMessage().contains("ship.queueUrl: must be"), e.getMessage());
  }

  @Test
  void ackAfterCloudWithoutShippingIsRefused() throws Exception {
    Path file = yaml("ship:\n  ackAfter: cloud\n");
    ConfigException e =
        assertThrows(ConfigException.class, () -> new ConfigLoader().load(file, Map.of()));
    assertTrue(e.getMessage().contains("ship.ackAfter: cloud needs ship.enabled"), e.getMessage());
  }

  @Test
  void aBadEndpointOrEncryptionIsNamed() throws Exception {
    Path file = yaml("cloud:\n  s3Endpoint: 'ftp://x'\nship:\n  encryption: rot13\n");
    ConfigException e =
        assertThrows(ConfigException.class, () -> new ConfigLoader().load(file, Map.of()));
    assertTrue(e.getMessage().contains("ship.encryption"), e.getMessage());
    Path endpoint = yaml("cloud:\n  s3Endpoint: 'ftp://x'\n");
    e = assertThrows(ConfigException.class, () -> new ConfigLoader().load(endpoint, Map.of()));
    assertTrue(e.getMessage().contains("cloud.s3Endpoint: must be empty or"), e.getMessage());
  }

  @Test
  void shippingNeedsADurableSpool() throws Exception {
    Path file =
        yaml(
            "spool:\n  durability: none\nship:\n  enabled: true\n  site: a\n  bucket: b\n"
                + "  queueUrl: http://q/1/q\n");
    ConfigException e =
        assertThrows(ConfigException.class, () -> new ConfigLoader().load(file, Map.of()));
    assertTrue(e.getMessage().contains("ship.enabled: needs spool.durability: full"));
  }

  @Test
  void inlineArchiveAndMaxAttemptsHaveDefaultsAndNamedLimits() throws Exception {
    EdgeConfig defaults = new ConfigLoader().load(null, Map.of());
    assertEquals(65_536, defaults.ship().inlineMaxBytes());
    assertEquals("batch", defaults.ship().archive());
    assertEquals(5, defaults.ship().maxAttempts());

    Path file = yaml("ship:\n  inlineMaxBytes: 1048577\n  archive: daily\n  maxAttempts: 0\n");
    ConfigException e =
        assertThrows(ConfigException.class, () -> new ConfigLoader().load(file, Map.of()));
    assertTrue(
        e.getMessage().contains("ship.inlineMaxBytes: must be between 0 and 1048576, was 1048577"),
        e.getMessage());
    assertTrue(
        e.getMessage().contains("ship.archive: must be batch, perMessage or none"), e.getMessage());
    assertTrue(e.getMessage().contains("ship.maxAttempts: must be between 1 and 1000"));
  }

  @Test
  void theNewShipKeysBecomeTheShippersSettings() throws Exception {
    Path file =
        yaml(
            "ship:\n  enabled: true\n  site: a\n  bucket: b\n  queueUrl: http://q/1/q.fifo\n"
                + "  inlineMaxBytes: 0\n  archive: perMessage\n  maxAttempts: 9\n");
    ShipSettings ship = Settings.ship(new ConfigLoader().load(file, Map.of()).ship());
    assertEquals(0, ship.inline().maxBytes());
    assertEquals(dev.hl7ferry.edge.ship.ArchiveMode.PER_MESSAGE, ship.archive());
    assertEquals(9, ship.maxAttempts());
  }
}
