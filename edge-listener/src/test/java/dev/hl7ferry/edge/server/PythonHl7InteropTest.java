package dev.hl7ferry.edge.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.hl7ferry.edge.config.ConfigLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Interoperability with an independent MLLP implementation: python-hl7's {@code mllp_send} (Debian
 * {@code python3-hl7}, installed by {@code scripts/ensure-test-tools} before the tests) sends a
 * file of messages to a real server and must get back one AA per message, for its control id.
 */
class PythonHl7InteropTest {

  private static Path mllpSend() {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
      Path candidate = Path.of(dir, "mllp_send");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  @Test
  void pythonHl7MllpSendGetsAnAaForEveryMessage() throws Exception {
    Path mllpSend = mllpSend();
    assumeTrue(mllpSend != null, "mllp_send not installed (scripts/ensure-test-tools needs root)");
    RecordingSpool spool = new RecordingSpool();
    var config =
        new ConfigLoader()
            .load(null, Map.of("listener.port", 0, "listener.bindAddress", "127.0.0.1"));
    EdgeServer server =
        DaggerTestEdgeComponent.factory()
            .create(config, spool, java.time.Clock.systemUTC())
            .server();
    int port = server.start().getPort();
    try {
      Path file =
          Path.of(PythonHl7InteropTest.class.getResource("/messages/three-messages.hl7").toURI());
      Process process =
          new ProcessBuilder(
                  mllpSend.toString(),
                  "--loose",
                  "--file",
                  file.toString(),
                  "--port",
                  String.valueOf(port),
                  "127.0.0.1")
              .redirectErrorStream(true)
              .start();
      assertTrue(process.waitFor(30, TimeUnit.SECONDS), "mllp_send finished");
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(0, process.exitValue(), output);
      assertTrue(output.contains("MSA|AA|S1"), output);
      assertTrue(output.contains("MSA|AA|S2"), output);
      assertTrue(output.contains("MSA|AA|S3"), output);
      assertEquals(List.of("S1", "S2", "S3"), spool.controlIds());
    } finally {
      server.close();
    }
  }
}
