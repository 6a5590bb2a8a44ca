package dev.hl7ferry.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hl7ferry.contract.result.Correlation;
import dev.hl7ferry.contract.result.ResultEnvelope;
import dev.hl7ferry.contract.result.ResultJson;
import dev.hl7ferry.converter.cli.FerryConvert;
import dev.hl7ferry.infra.local.LocalCloud;
import dev.hl7ferry.infra.local.LocalCloudConfig;
import dev.hl7ferry.infra.local.LocalCloudExtension;
import dev.hl7ferry.infra.local.aws.LocalClients;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * {@code ferry-convert submit-result} as a vendor runs it, in-process against the local cloud: the
 * envelope on the vendor's results queue must read back with {@link ResultJson} (what the converter
 * reads), inline when small, a claim check under {@code results/{vendor}/} when large.
 */
class SubmitResultCommandTest {
  private static final String VENDOR = "demo-ai";

  @RegisterExtension
  static final LocalCloudExtension CLOUD =
      new LocalCloudExtension(
          LocalCloudConfig.defaults().withSites(List.of("e2e")).withVendors(List.of(VENDOR)));

  @TempDir Path dir;

  @BeforeAll
  static void credentials() {
    System.setProperty("aws.accessKeyId", CLOUD.cloud().accessKeyId());
    System.setProperty("aws.secretAccessKey", CLOUD.cloud().secretAccessKey());
  }

  @AfterAll
  static void clearCredentials() {
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
  }

  @Test
  void aSmallJsonResultTravelsInlineCorrelatedByTheOriginalsHeader() throws Exception {
    byte[] json = "{\"score\":0.87,\"label\":\"suspicious\"}".getBytes(StandardCharsets.UTF_8);
    Path file = Files.write(dir.resolve("result.json"), json);

    Map<String, String> printed =
        submit(
            "--site",
            "e2e",
            "--correlation",
            "RIS|HOSPA|ORM00001",
            "--json",
            file.toString(),
            "--vendor",
            VENDOR);

    ResultEnvelope result = takeOne(printed);
    assertTrue(result.inline());
    assertEquals("payload=inline", "payload=" + printed.get("payload"));
    assertEquals("e2e", result.site());
    assertEquals(Correlation.ofMessage("RIS", "HOSPA", "ORM00001"), result.correlation());
    assertEquals("ai-score", result.resultType());
    assertEquals(ResultEnvelope.JSON, result.contentType());
    assertArrayEquals(json, result.payload());
    result.verify(result.payload());
  }

  @Test
  void aLargeResultIsAClaimCheckUnderTheVendorsPrefix() throws Exception {
    byte[] json =
        ("{\"heatmap\":\"" + "A".repeat(100_000) + "\"}").getBytes(StandardCharsets.UTF_8);
    Path file = Files.write(dir.resolve("large.json"), json);

    Map<String, String> printed =
        submit(
            "--site",
            "e2e",
            "--correlation",
            "0000000000000042-e2e",
            "--json",
            file.toString(),
            "--vendor",
            VENDOR,
            "--result-id",
            "demo-ai:large-1",
            "--bucket",
            CLOUD.cloud().bucket());

    ResultEnvelope result = takeOne(printed);
    assertNull(result.payload());
    assertEquals(Correlation.ofEntryId("0000000000000042-e2e"), result.correlation());
    assertEquals("demo-ai:large-1", result.resultId());
    assertEquals(CLOUD.cloud().bucket(), result.bucket());
    assertEquals("results/demo-ai/e2e/demo-ai:large-1.json", result.key());
    assertEquals("s3://" + result.bucket() + "/" + result.key(), printed.get("payload"));
    try (S3Client s3 = LocalClients.s3(CLOUD.cloud())) {
      byte[] stored =
          s3.getObjectAsBytes(b -> b.bucket(result.bucket()).key(result.key())).asByteArray();
      assertArrayEquals(json, stored);
      result.verify(stored);
    }
  }

  @Test
  void anHl7ResultByQueueUrlGetsCarriageReturnsAndTheVendorFromTheQueueName() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("result.hl7"),
            "MSH|^~\\&|DEMOAI|VENDOR|RIS|HOSPA|20261130090000||ORU^R01|R1|P|2.5.1\n"
                + "OBX|1|NM|SCORE||0.87\n");

    Map<String, String> printed =
        submit(
            "--site",
            "e2e",
            "--correlation",
            "RIS|HOSPA|ORM00001",
            "--hl7",
            file.toString(),
            "--queue",
            CLOUD.cloud().resultsQueueUrl(VENDOR),
            "--result-type",
            "ai-report",
            "--inline-max-bytes",
            "0",
            "--bucket",
            CLOUD.cloud().bucket());

    ResultEnvelope result = takeOne(printed);
    assertEquals(ResultEnvelope.HL7_V2, result.contentType());
    assertEquals("ai-report", result.resultType());
    assertEquals("results/demo-ai/e2e/" + result.resultId() + ".hl7", result.key());
    try (S3Client s3 = LocalClients.s3(CLOUD.cloud())) {
      String stored =
          s3.getObjectAsBytes(b -> b.bucket(result.bucket()).key(result.key())).asUtf8String();
      assertEquals(
          "MSH|^~\\&|DEMOAI|VENDOR|RIS|HOSPA|20261130090000||ORU^R01|R1|P|2.5.1\r"
              + "OBX|1|NM|SCORE||0.87\r",
          stored);
    }
  }

  @Test
  void theSameFileForTheSameOriginalKeepsItsResultId() throws Exception {
    Path file = Files.writeString(dir.resolve("again.json"), "{\"score\":0.1}");
    String[] args = {
      "--site",
      "e2e",
      "--correlation",
      "RIS|HOSPA|ORM00002",
      "--json",
      file.toString(),
      "--vendor",
      VENDOR
    };
    String first = takeOne(submit(args)).resultId();
    String second = takeOne(submit(args)).resultId();
    assertEquals(first, second);
    assertTrue(first.startsWith("r-"), first);
  }

  @Test
  void aFileThatIsNotJsonIsRefusedAndNothingIsSent() throws Exception {
    Path file = Files.writeString(dir.resolve("bad.json"), "{\"score\": 0.87,");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        run(
            new ByteArrayOutputStream(),
            err,
            "--site",
            "e2e",
            "--correlation",
            "RIS|HOSPA|ORM00003",
            "--json",
            file.toString(),
            "--vendor",
            VENDOR);
    assertEquals(1, exit);
    assertTrue(
        err.toString(StandardCharsets.UTF_8).contains("is not JSON (line 1"), err.toString());
    assertTrue(receive(1).isEmpty(), "nothing may reach the results queue");
  }

  private Map<String, String> submit(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = run(out, err, args);
    assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
    Map<String, String> printed = new LinkedHashMap<>();
    for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        printed.put(line.substring(0, eq), line.substring(eq + 1).strip());
      }
    }
    return printed;
  }

  private static int run(ByteArrayOutputStream out, ByteArrayOutputStream err, String... args) {
    LocalCloud cloud = CLOUD.cloud();
    List<String> all = new ArrayList<>(List.of("submit-result"));
    all.addAll(List.of(args));
    all.addAll(
        List.of(
            "--region", cloud.region(),
            "--sqs-endpoint", cloud.sqsEndpoint().toString(),
            "--s3-endpoint", cloud.s3Endpoint().toString()));
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      return new CommandLine(new FerryConvert()).execute(all.toArray(String[]::new));
    } finally {
      System.setOut(stdout);
      System.setErr(stderr);
    }
  }

  /** The one message on the results queue: its id is the one printed, and it reads back. */
  private static ResultEnvelope takeOne(Map<String, String> printed) {
    List<Message> messages = receive(5);
    assertEquals(1, messages.size(), "messages on the results queue");
    Message m = messages.get(0);
    assertEquals(printed.get("messageId"), m.messageId());
    ResultEnvelope result = ResultJson.read(m.body());
    assertEquals(printed.get("resultId"), result.resultId());
    return result;
  }

  private static List<Message> receive(int waitSeconds) {
    try (SqsClient sqs = LocalClients.sqs(CLOUD.cloud())) {
      String url = CLOUD.cloud().resultsQueueUrl(VENDOR);
      List<Message> messages =
          sqs.receiveMessage(
                  b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(waitSeconds))
              .messages();
      messages.forEach(
          m -> sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle())));
      return messages;
    }
  }
}
