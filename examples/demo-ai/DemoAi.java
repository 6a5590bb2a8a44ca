import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hl7ferry.contract.envelope.InlinePolicy;
import dev.hl7ferry.contract.envelope.PayloadDigest;
import dev.hl7ferry.contract.result.Correlation;
import dev.hl7ferry.contract.result.ResultEnvelope;
import dev.hl7ferry.converter.aws.AwsClients;
import dev.hl7ferry.converter.aws.SqsResultChannel;
import dev.hl7ferry.converter.submission.ResultSubmitter;
import dev.hl7ferry.converter.submission.Submission;
import dev.hl7ferry.converter.submission.Submitted;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * A DEMO "AI" for the vendor loop — not a model. It long-polls the vendor's order queue, reads each
 * converted order (the JSON the converter rendered for the vendor), gives it a deterministic toy
 * score (from a hash of the order's MSH-3/4/10 and study code: the same order always gets the same
 * score, and it means nothing) and submits an
 * {@code ai-score} result for the order's site through the same code as {@code ferry-convert
 * submit-result}. The order is deleted from the queue only after the result was accepted, so a
 * crash in between answers it twice with the same result id (at-least-once, deduplicated by id).
 *
 * <pre>
 * java -cp converter-function/target/converter-function-*-all.jar examples/demo-ai/DemoAi.java \
 *     --orders QUEUE_URL --vendor demo-ai [--wait SECONDS] [--max N]
 * </pre>
 *
 * Environment as the converter's: AWS_REGION, FERRY_SQS_ENDPOINT, FERRY_S3_ENDPOINT, FERRY_BUCKET
 * (claim checks of large results), AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY. Logs control ids and
 * scores only, never patient data.
 */
public final class DemoAi {
  static final String MODEL = "demo-ai 1.0 (toy score, not a diagnosis)";
  private static final ObjectMapper JSON = new ObjectMapper();

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = options(args);
    String orders = require(opts, "--orders");
    String vendor = opts.getOrDefault("--vendor", "demo-ai");
    int wait = Integer.parseInt(opts.getOrDefault("--wait", "20"));
    long max = Long.parseLong(opts.getOrDefault("--max", String.valueOf(Long.MAX_VALUE)));
    Map<String, String> env = System.getenv();
    String region = env.getOrDefault("AWS_REGION", "us-east-1");
    String both = env.get("FERRY_AWS_ENDPOINT");
    SdkHttpClient http = AwsClients.http();
    try (SqsClient sqs = AwsClients.sqs(region, uri(env.getOrDefault("FERRY_SQS_ENDPOINT", both)), http);
        S3Client s3 = AwsClients.s3(region, uri(env.getOrDefault("FERRY_S3_ENDPOINT", both)), http)) {
      String ordersUrl = SqsResultChannel.queueUrl(sqs, orders);
      String resultsUrl = SqsResultChannel.queueUrl(sqs, ResultSubmitter.queueName(vendor));
      ResultSubmitter submitter =
          new ResultSubmitter(
              new SqsResultChannel(sqs, s3, resultsUrl),
              InlinePolicy.defaults(),
              vendor,
              env.get("FERRY_BUCKET"),
              Clock.systemUTC());
      System.out.println("demo-ai: reading orders from " + ordersUrl + ", answering to " + resultsUrl);
      long answered = 0;
      while (answered < max) {
        List<Message> batch =
            sqs.receiveMessage(
                    b ->
                        b.queueUrl(ordersUrl)
                            .maxNumberOfMessages(10)
                            .waitTimeSeconds(wait)
                            .messageAttributeNames("All"))
                .messages();
        // Answer the batch, then delete it with one call: an order is removed only once its
        // result is on the results queue (a crash in between answers it again, same result id).
        List<DeleteMessageBatchRequestEntry> done = new ArrayList<>(batch.size());
        for (Message m : batch) {
          answer(m, submitter);
          done.add(
              DeleteMessageBatchRequestEntry.builder()
                  .id(Integer.toString(done.size()))
                  .receiptHandle(m.receiptHandle())
                  .build());
          answered++;
        }
        if (!done.isEmpty()) {
          sqs.deleteMessageBatch(b -> b.queueUrl(ordersUrl).entries(done));
        }
      }
    } finally {
      http.close();
    }
  }

  /** Scores one order and submits the result; a malformed order is reported and dropped. */
  static void answer(Message m, ResultSubmitter submitter) throws Exception {
    JsonNode order = JSON.readTree(m.body());
    // The converter names the site and the original's entry id in message attributes; the order's
    // JSON carries MSH-3/4/10 too (the other correlation form) for services that read only bodies.
    String site = attribute(m, "Ferry-Site");
    String entryId = attribute(m, "Ferry-Entry-Id");
    JsonNode source = order.path("correlation");
    Correlation correlation =
        !entryId.isEmpty()
            ? Correlation.ofEntryId(entryId)
            : Correlation.ofMessage(
                text(source, "sendingApplication"),
                text(source, "sendingFacility"),
                text(source, "controlId"));
    double score = score(order);
    ObjectNode result = JSON.createObjectNode();
    result.put("score", score);
    result.put("label", score >= 0.7 ? "suspicious" : "routine");
    if (score >= 0.7) {
      result.put("finding", "toy finding: follow-up suggested");
    }
    result.put("model", MODEL);
    byte[] payload = JSON.writeValueAsBytes(result);
    Submitted done =
        submitter.submit(
            new Submission(site, correlation, "ai-score", ResultEnvelope.JSON, payload, null));
    System.out.println(
        "demo-ai: order control id "
            + text(source, "controlId")
            + " for site "
            + site
            + ": score "
            + score
            + " -> result "
            + done.resultId()
            + " ("
            + done.payloadLocation()
            + ")");
  }

  /** The toy score: 0.000-0.999 from a hash of the order, the same for the same order. */
  static double score(JsonNode order) {
    JsonNode c = order.path("correlation");
    String basis =
        text(c, "sendingApplication")
            + "|"
            + text(c, "sendingFacility")
            + "|"
            + text(c, "controlId")
            + "|"
            + text(order.path("study"), "code");
    String hex = PayloadDigest.sha256Hex(basis.getBytes(StandardCharsets.UTF_8));
    return Integer.parseInt(hex.substring(0, 6), 16) % 1000 / 1000.0;
  }

  private static String attribute(Message m, String name) {
    var value = m.messageAttributes().get(name);
    return value == null || value.stringValue() == null ? "" : value.stringValue();
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isMissingNode() || v.isNull() ? "" : v.asText();
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> opts = new java.util.HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      opts.put(args[i], args[i + 1]);
    }
    return opts;
  }

  private static String require(Map<String, String> opts, String name) {
    String v = opts.get(name);
    if (v == null) {
      System.err.println("usage: DemoAi --orders QUEUE_URL [--vendor demo-ai] [--wait S] [--max N]");
      System.exit(2);
    }
    return v;
  }

  private static URI uri(String text) {
    return text == null || text.isBlank() ? null : URI.create(text);
  }
}
