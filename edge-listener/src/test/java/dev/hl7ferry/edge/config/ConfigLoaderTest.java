package dev.hl7ferry.edge.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
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
}
