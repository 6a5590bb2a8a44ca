package dev.hl7ferry.edge.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hl7ferry.edge.outbound.OutboundSettings;
import dev.hl7ferry.edge.server.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code outbound} section as the edge's config loader reads it. */
class OutboundSectionTest {
  @TempDir Path dir;

  private Path yaml(String text) throws Exception {
    Path file = dir.resolve("edge.yaml");
    Files.writeString(file, text);
    return file;
  }

  @Test
  void byDefaultOutboundDeliveryIsOff() throws Exception {
    EdgeConfig config = new ConfigLoader().load(null, Map.of());
    assertFalse(config.outbound().enabled());
  }

  @Test
  void aDestinationTurnsItOnWithTheShipSiteAndTheDataDirectory() throws Exception {
    Path file =
        yaml(
            "spool:\n  dataDir: /var/lib/ferry\n"
                + "ship:\n  site: north\n"
                + "outbound:\n"
                + "  queueUrl: http://127.0.0.1:9324/q/hl7-ferry-outbound-north.fifo\n"
                + "  receiptsQueueUrl: http://127.0.0.1:9324/q/hl7-ferry-receipts.fifo\n"
                + "  waitTimeSeconds: 2\n"
                + "  retentionHours: 24\n"
                + "  maxUncommitted: 8\n"
                + "  destinations:\n"
                + "    lis: {type: mllp, host: 10.0.0.5, port: 2575}\n");
    EdgeConfig config = new ConfigLoader().load(file, Map.of());
    assertTrue(config.outbound().enabled());
    OutboundSettings s = Settings.outbound(config.outbound(), config.spool(), config.ship().site());
    assertEquals("north", s.site());
    assertEquals(Path.of("/var/lib/ferry/outbound"), s.storeDir());
    assertEquals(Path.of("/var/lib/ferry/receipts"), s.receiptsDir());
    assertEquals(Duration.ofSeconds(2), s.waitTime());
    assertEquals(Duration.ofHours(24), s.retention());
    assertEquals(8, s.maxUncommitted());
    assertTrue(s.receiptsQueueUrl().endsWith("hl7-ferry-receipts.fifo"));
  }

  @Test
  void aDestinationWithoutQueueOrSiteNamesTheMissingKeys() throws Exception {
    Path file =
        yaml(
            "outbound:\n  waitTimeSeconds: 21\n  destinations:\n"
                + "    lis: {type: mllp, host: 10.0.0.5, port: 2575}\n");
    ConfigException e =
        assertThrows(ConfigException.class, () -> new ConfigLoader().load(file, Map.of()));
    assertTrue(e.getMessage().contains("outbound.queueUrl: must be"), e.getMessage());
    assertTrue(e.getMessage().contains("outbound.site: must be set"), e.getMessage());
    assertTrue(e.getMessage().contains("outbound.waitTimeSeconds"), e.getMessage());
  }

  @Test
  void anUnknownDestinationKeyIsNamed() throws Exception {
    Path file =
        yaml("outbound:\n  destinations:\n    lis: {type: mllp, host: h, port: 1, tls: true}\n");
    ConfigException e =
        assertThrows(ConfigException.class, () -> new ConfigLoader().load(file, Map.of()));
    assertTrue(e.getMessage().contains("outbound.destinations.lis.tls"), e.getMessage());
  }
}
