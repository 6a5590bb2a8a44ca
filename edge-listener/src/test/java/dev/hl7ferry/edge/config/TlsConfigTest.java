package dev.hl7ferry.edge.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hl7ferry.edge.server.Settings;
import dev.hl7ferry.edge.tls.ServerTls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsConfigTest {
  @TempDir Path dir;

  private Path yaml(String text) throws Exception {
    return Files.writeString(dir.resolve("edge.yaml"), text);
  }

  @Test
  void tlsIsOffByDefault() throws Exception {
    EdgeConfig config = new ConfigLoader().load(null, Map.of());
    assertFalse(config.listener().tls().enabled());
    assertEquals(Optional.empty(), Settings.tls(config.listener().tls()));
  }

  @Test
  void anEnabledSectionBecomesTheListenersTlsSettings() throws Exception {
    Path cert = Files.writeString(dir.resolve("edge.pem"), "x");
    Path key = Files.writeString(dir.resolve("edge.key"), "x");
    Path clients = Files.writeString(dir.resolve("clients.pem"), "x");
    Path file =
        yaml(
            "listener:\n  tls:\n    enabled: true\n"
                + "    certificateFile: "
                + cert
                + "\n    privateKeyFile: "
                + key
                + "\n    clientCaFile: "
                + clients
                + "\n    requireClientCert: true\n    reloadCheckSeconds: 5\n");
    EdgeConfig config = new ConfigLoader().load(file, Map.of());
    assertEquals(
        Optional.of(new ServerTls(cert, key, Optional.of(clients), true, Duration.ofSeconds(5))),
        Settings.tls(config.listener().tls()));
  }

  @Test
  void enabledTlsNamesEveryMissingOrUnreadableFile() throws Exception {
    Path file =
        yaml(
            "listener:\n  tls:\n    enabled: true\n    privateKeyFile: /no/such.key\n"
                + "    requireClientCert: true\n    reloadCheckSeconds: 0\n");
    ConfigException e =
        assertThrows(ConfigException.class, () -> new ConfigLoader().load(file, Map.of()));
    String message = e.getMessage();
    assertTrue(message.contains("listener.tls.certificateFile: must be set"), message);
    assertTrue(
        message.contains("listener.tls.privateKeyFile: not a readable file: /no/such.key"),
        message);
    assertTrue(message.contains("listener.tls.requireClientCert: needs"), message);
    assertTrue(message.contains("listener.tls.reloadCheckSeconds: must be between 1"), message);
  }

  @Test
  void anUnknownTlsKeyIsNamed() throws Exception {
    Path file = yaml("listener:\n  tls:\n    keyPassword: secret\n");
    ConfigException e =
        assertThrows(ConfigException.class, () -> new ConfigLoader().load(file, Map.of()));
    assertTrue(e.getMessage().contains("listener.tls.keyPassword: unknown key"), e.getMessage());
  }
}
