package dev.hl7ferry.edge.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.hl7ferry.contract.envelope.EnvelopeJson;
import dev.hl7ferry.contract.envelope.OutboundEnvelope;
import dev.hl7ferry.contract.envelope.PayloadDigest;
import dev.hl7ferry.edge.client.MllpClient;
import dev.hl7ferry.edge.deliver.Output;
import dev.hl7ferry.edge.outbound.OutboundEntries;
import dev.hl7ferry.infra.local.LocalCloud;
import dev.hl7ferry.infra.local.LocalCloudConfig;
import dev.hl7ferry.infra.local.aws.LocalClients;
import java.io.File;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * The status page in a real browser (Debian's headless Chromium, driven by Selenium through the
 * system's chromedriver; nothing is downloaded): a real edge with outbound delivery against the
 * local cloud, messages sent while the page is open, and what the page shows checked as it
 * refreshes. Writes {@code target/status-page.png} for review.
 */
class StatusPageBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final String SITE = LocalCloudConfig.DEFAULT_SITE;

  private static LocalCloud cloud;

  @TempDir Path dir;

  @BeforeAll
  static void startCloud() {
    assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "skipped: /usr/bin/chromium or /usr/bin/chromedriver missing (Debian packages chromium and"
            + " chromium-driver; scripts/ensure-test-tools installs them when run as root)");
    cloud = LocalCloud.start();
    System.setProperty("aws.accessKeyId", cloud.accessKeyId());
    System.setProperty("aws.secretAccessKey", cloud.secretAccessKey());
  }

  @AfterAll
  static void stopCloud() {
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
    if (cloud != null) {
      cloud.close();
    }
  }

  @Test
  void thePageShowsTrafficBacklogAndDestinationStatesAsTheyChange() throws Exception {
    Path files = Files.createDirectories(dir.resolve("lis"));
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort(); // nothing listens here once closed: that destination is down
    }
    Map<String, Object> keys = new LinkedHashMap<>();
    keys.put("cloud.region", cloud.region());
    keys.put("cloud.s3Endpoint", cloud.s3Endpoint().toString());
    keys.put("cloud.sqsEndpoint", cloud.sqsEndpoint().toString());
    keys.put("cloud.pathStyle", true);
    keys.put(
        "outbound",
        Map.of(
            "site",
            SITE,
            "queueUrl",
            cloud.outboundQueueUrl(SITE),
            "receiptsQueueUrl",
            cloud.receiptsQueueUrl(),
            "waitTimeSeconds",
            1,
            "initialBackoffMillis",
            200,
            "maxBackoffMillis",
            1000,
            "destinations",
            Map.of(
                "hospital-lis",
                Map.of("type", "file", "dir", files.toString()),
                "radiology-ris",
                Map.of(
                    "type",
                    "mllp",
                    "host",
                    "127.0.0.1",
                    "port",
                    closedPort,
                    "connectTimeoutMillis",
                    500,
                    "ackTimeoutMillis",
                    1000))));
    try (AdminEdge edge = AdminEdge.open(dir.resolve("spool"), keys).startListener();
        Browser browser = Browser.open(dir.resolve("chromium-profile"))) {
      try {
        watch(edge, browser, files);
      } catch (RuntimeException | AssertionError e) {
        browser.screenshot(Path.of("target", "status-page-failure.png"));
        throw e;
      }
    }
  }

  private void watch(AdminEdge edge, Browser browser, Path files) throws Exception {
    WebDriver page = browser.driver;
    page.get(edge.base().toString());
    WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(40));
    wait.until(d -> text(d, "ready").equals("ready"));
    assertEquals("0", text(page, "received"));
    assertEquals("none", text(page, "oldest"));

    try (MllpClient held =
        MllpClient.connect("127.0.0.1", edge.mllpPort(), Duration.ofSeconds(10))) {
      for (int i = 1; i <= 4; i++) {
        held.send(AdminEdge.message("HELD-" + i));
        held.receive();
      }
      assertEquals("AA AA", edge.send("ONE-1", "ONE-2"));
      sendOutputs("hospital-lis", 3);
      sendOutputs("radiology-ris", 2);

      // Shipping is off: every message stays in the spool, so the backlog is what was sent.
      wait.until(d -> text(d, "received").equals("6") && text(d, "backlog").equals("6"));
      wait.until(d -> cells(d, "hospital-lis").startsWith("hospital-lis|up|0|0|3|"));
      wait.until(d -> cells(d, "radiology-ris").startsWith("radiology-ris|down|2|0|0|never|"));
      String ris = cells(page, "radiology-ris");
      assertTrue(ris.contains("TRANSIENT"), ris); // the last error: connection refused
      String peers = page.findElement(By.id("peers")).getText();
      assertTrue(peers.contains("127.0.0.1"), peers);
      assertTrue(text(page, "connSummary").startsWith("1 open"), text(page, "connSummary"));
      assertTrue(text(page, "codes").contains("AA 6"), text(page, "codes"));
      assertEquals("6", text(page, "perMinute"));
      assertEquals("off", text(page, "cloudState"));
      try (var delivered = Files.list(files)) {
        assertEquals(3, delivered.count());
      }

      held.send(AdminEdge.message("HELD-5"));
      held.receive();
      wait.until(d -> text(d, "received").equals("7") && text(d, "backlog").equals("7"));
      browser.screenshot(Path.of("target", "status-page.png"));
    }
    wait.until(d -> text(d, "connSummary").startsWith("0 open"));
    // Self-contained: the page fetched nothing but itself and /status.json from its own origin.
    @SuppressWarnings("unchecked")
    List<String> fetched =
        (List<String>)
            ((JavascriptExecutor) page)
                .executeScript("return performance.getEntriesByType('resource').map(e => e.name)");
    for (String url : fetched) {
      assertTrue(url.startsWith(edge.base() + "/status.json"), url);
    }
  }

  /** The element's text as written (pills are shown upper-case by CSS). */
  private static String text(WebDriver d, String id) {
    return d.findElement(By.id(id)).getDomProperty("textContent").strip();
  }

  /** The destination row's cells joined by '|', read in one script (the page redraws rows). */
  private static String cells(WebDriver d, String destination) {
    return String.valueOf(
        ((JavascriptExecutor) d)
            .executeScript(
                "return Array.from(document.querySelectorAll(\"tr[data-destination='\" +"
                    + " arguments[0] + \"'] td\")).map(td => td.textContent.trim()).join('|')",
                destination));
  }

  /** Puts {@code count} inline outputs for {@code destination} on the outbound queue. */
  private static void sendOutputs(String destination, int count) {
    try (SqsClient sqs = LocalClients.sqs(cloud)) {
      List<SendMessageBatchRequestEntry> entries = new java.util.ArrayList<>();
      for (int i = 0; i < count; i++) {
        String id = destination + "-" + i;
        byte[] bytes =
            ("MSH|^~\\&|FERRY|CLOUD|LIS|HOSP|20260308000000||ORU^R01^ORU_R01|OUT-"
                    + i
                    + "|P|2.5.1\rPID|1||1\r")
                .getBytes(StandardCharsets.UTF_8);
        OutboundEnvelope envelope =
            new OutboundEnvelope(
                    OutboundEnvelope.VERSION,
                    id,
                    SITE,
                    "oru",
                    destination,
                    "oru-v1",
                    cloud.bucket(),
                    "outbound/" + SITE + "/" + destination + "/" + id + "/oru.hl7",
                    PayloadDigest.sha256Hex(bytes),
                    bytes.length,
                    Output.HL7_V2)
                .withInlinePayload(bytes);
        entries.add(
            SendMessageBatchRequestEntry.builder()
                .id(Integer.toString(i))
                .messageBody(EnvelopeJson.write(envelope))
                .messageGroupId(destination)
                .messageDeduplicationId(OutboundEntries.outputId(id, "oru", destination))
                .build());
      }
      sqs.sendMessageBatch(b -> b.queueUrl(cloud.outboundQueueUrl(SITE)).entries(entries));
    }
  }

  /** Headless Chromium from the system's packages, with a fresh profile. */
  private static final class Browser implements AutoCloseable {
    private final ChromeDriverService service;
    private final WebDriver driver;

    private Browser(ChromeDriverService service, WebDriver driver) {
      this.service = service;
      this.driver = driver;
    }

    static Browser open(Path profile) throws Exception {
      // The driver and the browser are given explicitly, so Selenium Manager never runs.
      ChromeDriverService service =
          new ChromeDriverService.Builder()
              .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
              .usingAnyFreePort()
              .build();
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM.toFile());
      options.addArguments(
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--disable-dev-shm-usage",
          "--window-size=1400,1100",
          "--user-data-dir=" + Files.createDirectories(profile));
      try {
        return new Browser(service, new ChromeDriver(service, options));
      } catch (RuntimeException e) {
        service.stop();
        throw e;
      }
    }

    void screenshot(Path target) throws Exception {
      File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
      Files.createDirectories(target.getParent());
      Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
      try {
        driver.quit();
      } finally {
        service.stop();
      }
    }
  }
}
