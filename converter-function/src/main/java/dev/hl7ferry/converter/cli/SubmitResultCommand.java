package dev.hl7ferry.converter.cli;

import dev.hl7ferry.contract.envelope.InlinePolicy;
import dev.hl7ferry.contract.result.ResultEnvelope;
import dev.hl7ferry.converter.aws.AwsClients;
import dev.hl7ferry.converter.aws.SqsResultChannel;
import dev.hl7ferry.converter.submission.CorrelationText;
import dev.hl7ferry.converter.submission.ResultSubmitter;
import dev.hl7ferry.converter.submission.Submission;
import dev.hl7ferry.converter.submission.Submitted;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * {@code submit-result}: sends one result envelope to a vendor's results queue, as a vendor's
 * service would (inline, or a claim check in {@code results/{vendor}/} when it is large). Prints
 * the result id and the queue's message id.
 */
@Command(
    name = "submit-result",
    mixinStandardHelpOptions = true,
    description = {
      "Submit a result (JSON or HL7 v2) for a site to a vendor's results queue.",
      "Endpoints and credentials as the converter takes them: AWS_REGION, FERRY_SQS_ENDPOINT,"
          + " FERRY_S3_ENDPOINT (or FERRY_AWS_ENDPOINT), AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY"
          + " or the SDK's default chain."
    })
final class SubmitResultCommand implements Callable<Integer> {

  @Option(names = "--site", required = true, description = "The site the result is for.")
  String site;

  @Option(
      names = "--correlation",
      required = true,
      description = "The original message: its inbound entry id, or APP|FACILITY|CONTROLID.")
  String correlation;

  @ArgGroup(multiplicity = "1")
  PayloadFile payload;

  @ArgGroup(multiplicity = "1")
  Target target;

  @Option(
      names = "--result-type",
      defaultValue = "ai-score",
      description = "The type the routes match on (default: ${DEFAULT-VALUE}).")
  String resultType;

  @Option(
      names = "--result-id",
      description =
          "Idempotency key, 1-128 of A-Z a-z 0-9 . _ : - (default: derived from site,"
              + " correlation, type and payload, so a resubmission keeps its id).")
  String resultId;

  @Option(
      names = "--bucket",
      defaultValue = "${env:FERRY_BUCKET}",
      description = "Bucket for a claim check (default: FERRY_BUCKET).")
  String bucket;

  @Option(
      names = "--inline-max-bytes",
      defaultValue = "${env:FERRY_INLINE_MAX_BYTES:-65536}",
      description = "Largest envelope sent inline; larger goes by claim check (default: 65536).")
  int inlineMaxBytes;

  @Option(
      names = "--region",
      defaultValue = "${env:AWS_REGION:-us-east-1}",
      description = "AWS region (default: AWS_REGION, else us-east-1).")
  String region;

  @Option(
      names = "--sqs-endpoint",
      defaultValue = "${env:FERRY_SQS_ENDPOINT}",
      description = "SQS endpoint override (default: FERRY_SQS_ENDPOINT, else FERRY_AWS_ENDPOINT).")
  URI sqsEndpoint;

  @Option(
      names = "--s3-endpoint",
      defaultValue = "${env:FERRY_S3_ENDPOINT}",
      description =
          "S3 endpoint override, path style (default: FERRY_S3_ENDPOINT, else FERRY_AWS_ENDPOINT).")
  URI s3Endpoint;

  static final class PayloadFile {
    @Option(names = "--json", required = true, description = "A JSON result file.")
    Path json;

    @Option(names = "--hl7", required = true, description = "An HL7 v2 result file.")
    Path hl7;
  }

  static final class Target {
    @Option(names = "--queue", required = true, description = "Results queue URL or name.")
    String queue;

    @Option(
        names = "--vendor",
        required = true,
        description = "Vendor name: the queue hl7-ferry-results-VENDOR.")
    String vendor;
  }

  @Override
  public Integer call() {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    try {
      Submission submission =
          new Submission(
              site,
              CorrelationText.parse(correlation),
              resultType,
              payload.json != null ? ResultEnvelope.JSON : ResultEnvelope.HL7_V2,
              payload.json != null ? ResultFiles.json(payload.json) : ResultFiles.hl7(payload.hl7),
              resultId);
      Submitted done = submit(submission, System.getenv("FERRY_AWS_ENDPOINT"));
      out.println("resultId=" + done.resultId());
      out.println("messageId=" + done.messageId());
      out.println("payload=" + done.payloadLocation());
      return 0;
    } catch (IllegalArgumentException | SdkException e) {
      System.err.println("error: " + e.getMessage());
      return 1;
    }
  }

  private Submitted submit(Submission submission, String bothEndpoints) {
    URI both = bothEndpoints == null || bothEndpoints.isBlank() ? null : URI.create(bothEndpoints);
    SdkHttpClient http = AwsClients.http();
    try (SqsClient sqs = AwsClients.sqs(region, sqsEndpoint != null ? sqsEndpoint : both, http);
        S3Client s3 = AwsClients.s3(region, s3Endpoint != null ? s3Endpoint : both, http)) {
      String queue = target.queue != null ? target.queue : ResultSubmitter.queueName(target.vendor);
      String vendor = target.vendor != null ? target.vendor : ResultSubmitter.vendorOf(queue);
      if (vendor == null) {
        throw new IllegalArgumentException(
            "--queue " + queue + " is not named hl7-ferry-results-VENDOR: give --vendor instead");
      }
      String url = SqsResultChannel.queueUrl(sqs, queue);
      return new ResultSubmitter(
              new SqsResultChannel(sqs, s3, url),
              new InlinePolicy(inlineMaxBytes),
              vendor,
              bucket,
              Clock.systemUTC())
          .submit(submission);
    } finally {
      http.close();
    }
  }
}
