package dev.hl7ferry.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hl7ferry.contract.envelope.InlinePolicy;
import dev.hl7ferry.contract.result.Correlation;
import dev.hl7ferry.contract.result.ResultEnvelope;
import dev.hl7ferry.converter.aws.SqsResultChannel;
import dev.hl7ferry.converter.submission.ResultSubmitter;
import dev.hl7ferry.converter.submission.Submission;
import dev.hl7ferry.infra.local.LocalCloud;
import dev.hl7ferry.infra.local.aws.LocalClients;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * A vendor's service for tests, on a thread: takes each converted order from the vendor's queue and
 * answers at once with an {@code ai-score} result through the same {@link ResultSubmitter} as
 * {@code ferry-convert submit-result}; the score is the order's placer number's length / 10, so a
 * test can predict it, and the correlation form alternates with that length (odd: MSH-3/4/10, even:
 * entry id). Deletes an order only after its result was sent.
 */
final class TestAi implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TestAi.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SqsClient sqs;
  private final S3Client s3;
  private final String ordersUrl;
  private final ResultSubmitter submitter;
  private final Thread thread;
  private final AtomicInteger answered = new AtomicInteger();
  private volatile boolean stopping;

  private TestAi(LocalCloud cloud, String vendor) {
    this.sqs = LocalClients.sqs(cloud);
    this.s3 = LocalClients.s3(cloud);
    this.ordersUrl = cloud.vendorQueueUrl(vendor);
    this.submitter =
        new ResultSubmitter(
            new SqsResultChannel(sqs, s3, cloud.resultsQueueUrl(vendor)),
            InlinePolicy.defaults(),
            vendor,
            cloud.bucket(),
            Clock.systemUTC());
    this.thread = new Thread(this::run, "test-ai-" + vendor);
    thread.setDaemon(true);
  }

  /** Starts answering the orders on {@code vendor}'s queue of {@code cloud}. */
  static TestAi start(LocalCloud cloud, String vendor) {
    TestAi ai = new TestAi(cloud, vendor);
    ai.thread.start();
    return ai;
  }

  /** Orders answered so far. */
  int answered() {
    return answered.get();
  }

  private void run() {
    while (!stopping) {
      try {
        List<Message> batch =
            sqs.receiveMessage(
                    b ->
                        b.queueUrl(ordersUrl)
                            .maxNumberOfMessages(10)
                            .waitTimeSeconds(1)
                            .messageAttributeNames("All"))
                .messages();
        for (Message m : batch) {
          answer(m);
          sqs.deleteMessage(b -> b.queueUrl(ordersUrl).receiptHandle(m.receiptHandle()));
          answered.incrementAndGet();
        }
      } catch (Exception e) {
        if (!stopping) {
          LOG.warn("test AI failed on an order ({}); retrying", e.toString());
        }
      }
    }
  }

  private void answer(Message m) throws Exception {
    JsonNode order = JSON.readTree(m.body());
    String site = m.messageAttributes().get("Ferry-Site").stringValue();
    String placer = order.path("order").path("placerOrderNumber").asText();
    // Both correlation forms: an odd placer length answers by the original's MSH-3/4/10 (from the
    // order's JSON), an even one by the entry id the converter put in a message attribute.
    JsonNode source = order.path("correlation");
    Correlation correlation =
        placer.length() % 2 == 1
            ? Correlation.ofMessage(
                source.path("sendingApplication").asText(),
                source.path("sendingFacility").asText(),
                source.path("controlId").asText())
            : Correlation.ofEntryId(m.messageAttributes().get("Ferry-Entry-Id").stringValue());
    double score = placer.length() / 10.0;
    byte[] result =
        ("{\"score\":" + score + ",\"label\":\"test\"}").getBytes(StandardCharsets.UTF_8);
    submitter.submit(
        new Submission(site, correlation, "ai-score", ResultEnvelope.JSON, result, null));
  }

  @Override
  public void close() {
    stopping = true;
    try {
      thread.join(3_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    sqs.close();
    s3.close();
  }
}
