package dev.hl7ferry.edge.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin port of a real edge over real sockets: health, readiness, metrics, the token. */
class AdminServerTest {
  @TempDir Path dataDir;

  @Test
  void healthzAnswersWhileTheListenerIsNotYetBoundAndReadyzWaitsForIt() throws Exception {
    try (AdminEdge edge = AdminEdge.open(dataDir, Map.of())) {
      assertEquals(200, edge.get("/healthz").statusCode());
      HttpResponse<String> before = edge.get("/readyz");
      assertEquals(503, before.statusCode(), before.body());
      assertTrue(before.body().contains("FAIL listeners: no MLLP listener bound"), before.body());

      edge.startListener();
      HttpResponse<String> after = edge.get("/readyz");
      assertEquals(200, after.statusCode(), after.body());
      assertTrue(after.body().startsWith("ready\n"), after.body());
      assertTrue(after.body().contains("ok   spool: writable"), after.body());
      assertTrue(
          after.body().contains("cloud: cloud link off (reported, does not affect readiness)"),
          after.body());
    }
  }

  @Test
  void readyzFailsWhenTheSpoolDiskHasLessFreeSpaceThanTheMinimum() throws Exception {
    try (AdminEdge edge =
        AdminEdge.open(dataDir, Map.of("admin.minFreeDiskBytes", Long.MAX_VALUE)).startListener()) {
      HttpResponse<String> ready = edge.get("/readyz");
      assertEquals(503, ready.statusCode(), ready.body());
      assertTrue(ready.body().contains("FAIL disk: "), ready.body());
      assertTrue(ready.body().contains("below the minimum of 8.0 EiB"), ready.body());
      assertTrue(ready.body().contains("ok   listeners: accepting on"), ready.body());
    }
  }

  @Test
  void readyzFailsWhenTheSpoolDirectoryRefusesAWrite() throws Exception {
    try (AdminEdge edge = AdminEdge.open(dataDir, Map.of()).startListener()) {
      Path dir = dataDir;
      // Root ignores permission bits: take the directory away instead, as a failed mount would.
      Path moved = dir.resolveSibling(dir.getFileName() + "-moved");
      Files.move(dir, moved);
      try {
        HttpResponse<String> ready = edge.get("/readyz");
        assertEquals(503, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("FAIL spool: cannot write in"), ready.body());
      } finally {
        Files.move(moved, dir);
      }
    }
  }

  @Test
  void metricsCarryTheFerryNamesAndTheirValuesMoveWithTraffic() throws Exception {
    try (AdminEdge edge = AdminEdge.open(dataDir, Map.of()).startListener()) {
      String before = edge.get("/metrics").body();
      assertEquals(0.0, value(before, "ferry_messages_received_total"));
      for (String name :
          new String[] {
            "ferry_messages_answered_total{code=\"AA\"}",
            "ferry_naks_total{reason=\"unreadable\"}",
            "ferry_connections_open",
            "ferry_connections_refused_total",
            "ferry_ack_latency_seconds_bucket{le=\"0.005\"}",
            "ferry_spool_entries{state=\"received\"}",
            "ferry_spool_bytes{state=\"received\"}",
            "ferry_spool_oldest_unshipped_age_seconds",
            "ferry_shipped_messages_total",
            "ferry_ship_failures_total{kind=\"outage\"}",
            "ferry_quarantined_total",
            "jvm_memory_used_bytes{",
            "jvm_threads_live_threads",
            "process_uptime_seconds"
          }) {
        assertTrue(before.contains(name), name + " missing from:\n" + before);
      }

      assertEquals("AA AA AA", edge.send("M1", "M2", "M3"));
      HttpResponse<String> after = edge.get("/metrics");
      assertEquals(200, after.statusCode());
      assertTrue(after.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
      String text = after.body();
      assertEquals(3.0, value(text, "ferry_messages_received_total"));
      assertEquals(3.0, value(text, "ferry_messages_answered_total{code=\"AA\"}"));
      assertEquals(3.0, value(text, "ferry_ack_latency_seconds_count"));
      assertEquals(1.0, value(text, "ferry_connections_accepted_total"));
      // The status snapshot is reused for up to a second: the spool's count shows within two.
      double spooled = 0;
      for (int i = 0; i < 30 && spooled < 3; i++) {
        Thread.sleep(100);
        spooled = value(edge.get("/metrics").body(), "ferry_spool_entries{state=\"received\"}");
      }
      assertEquals(3.0, spooled);
    }
  }

  @Test
  void aNegativeAcknowledgementIsCountedByCodeAndReason() throws Exception {
    try (AdminEdge edge = AdminEdge.open(dataDir, Map.of()).startListener()) {
      try (var client =
          dev.hl7ferry.edge.client.MllpClient.connect(
              "127.0.0.1", edge.mllpPort(), java.time.Duration.ofSeconds(10))) {
        client.send("PID|1||100\r".getBytes(StandardCharsets.ISO_8859_1));
        client.receive();
      }
      String text = edge.get("/metrics").body();
      assertEquals(1.0, value(text, "ferry_naks_total{reason=\"unreadable\"}"));
      assertEquals(1.0, value(text, "ferry_messages_answered_total{code=\"AR\"}"));
      assertEquals(0.0, value(text, "ferry_ack_latency_seconds_count"));
    }
  }

  @Test
  void aTokenGuardsEverythingButHealthz() throws Exception {
    Path tokenFile = Files.writeString(dataDir.resolveSibling("admin-token"), "s3cret-token\n");
    try (AdminEdge edge =
        AdminEdge.open(dataDir.resolve("spool"), Map.of("admin.tokenFile", tokenFile.toString()))
            .startListener()) {
      assertEquals(200, edge.get("/healthz").statusCode());
      for (String path : new String[] {"/readyz", "/metrics", "/status.json", "/"}) {
        HttpResponse<String> refused = edge.get(path);
        assertEquals(401, refused.statusCode(), path);
        assertTrue(
            refused
                .headers()
                .allValues("WWW-Authenticate")
                .contains("Basic realm=\"HL7 Ferry edge\""),
            path);
        assertEquals(401, edge.get(path, "Bearer s3cret-tokeN").statusCode(), path);
        assertEquals(401, edge.get(path, "Bearer ").statusCode(), path);
        assertEquals(200, edge.get(path, "Bearer s3cret-token").statusCode(), path);
      }
      String basic =
          "Basic "
              + Base64.getEncoder()
                  .encodeToString("it-desk:s3cret-token".getBytes(StandardCharsets.UTF_8));
      assertEquals(200, edge.get("/status.json", basic).statusCode());
    } finally {
      Files.deleteIfExists(tokenFile);
    }
  }

  @Test
  void theStatusPageIsOneSelfContainedHtmlFile() throws Exception {
    try (AdminEdge edge = AdminEdge.open(dataDir, Map.of()).startListener()) {
      HttpResponse<String> page = edge.get("/");
      assertEquals(200, page.statusCode());
      assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
      assertTrue(
          page.headers()
              .firstValue("Content-Security-Policy")
              .orElse("")
              .contains("default-src 'none'"));
      String html = page.body();
      assertTrue(html.contains("const REFRESH_MS = 1 * 1000;"), "refresh filled in");
      assertFalse(html.contains("__REFRESH_SECONDS__"));
      assertFalse(Pattern.compile("(src|href)=\"(https?:)?//").matcher(html).find(), "no CDN");
      assertEquals(404, edge.get("/nothing-here").statusCode());
    }
  }

  /** The value of the sample named exactly {@code sample} (name plus labels) in {@code text}. */
  static double value(String text, String sample) {
    Matcher m =
        Pattern.compile("(?m)^" + Pattern.quote(sample) + "(?:\\s|\\{[^}]*\\}\\s)([0-9.eE+-]+)$")
            .matcher(text);
    if (!m.find()) {
      throw new AssertionError(sample + " not found in:\n" + text);
    }
    return Double.parseDouble(m.group(1));
  }
}
