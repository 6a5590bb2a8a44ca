package dev.hl7ferry.e2e;

import dev.hl7ferry.converter.aws.AwsClients;
import dev.hl7ferry.converter.aws.LocalQueuePoller;
import dev.hl7ferry.converter.config.FunctionSettings;
import dev.hl7ferry.converter.lambda.ConverterComponent;
import dev.hl7ferry.converter.lambda.ConverterHandler;
import dev.hl7ferry.infra.local.LocalCloud;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The converter as {@code ferry-convert run-local} runs it — the real {@link ConverterHandler}
 * wired from FERRY_* settings, fed by {@link LocalQueuePoller} — on a thread of this JVM. Each
 * receive waits at most 1 s (run-local: 10 s) so that {@link #close} returns within a second; a
 * long poll returns as soon as a message arrives either way.
 */
final class LocalConverter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalConverter.class);

  private final SqsClient sqs;
  private final Thread thread;
  private volatile boolean stopping;

  private LocalConverter(LocalCloud cloud) {
    FunctionSettings settings =
        FunctionSettings.fromEnvironment(
            Map.of(
                "FERRY_BUCKET", cloud.bucket(),
                "FERRY_S3_ENDPOINT", cloud.s3Endpoint().toString(),
                "FERRY_SQS_ENDPOINT", cloud.sqsEndpoint().toString(),
                "AWS_REGION", cloud.region()));
    ConverterHandler handler = new ConverterHandler(ConverterComponent.of(settings).batches());
    this.sqs = AwsClients.sqs(settings, AwsClients.http());
    LocalQueuePoller poller = new LocalQueuePoller(sqs, cloud.inboundQueueUrl(), handler);
    this.thread = new Thread(() -> poll(poller), "converter-poller");
    thread.setDaemon(true);
  }

  /** The converter polling {@code cloud}'s inbound queue (the endpoints stay across restarts). */
  static LocalConverter start(LocalCloud cloud) {
    LocalConverter converter = new LocalConverter(cloud);
    converter.thread.start();
    return converter;
  }

  private void poll(LocalQueuePoller poller) {
    while (!stopping) {
      try {
        poller.pollOnce(1);
      } catch (RuntimeException e) {
        if (stopping) {
          return;
        }
        LOG.warn("converter poll failed ({}); retrying in 200 ms", e.getClass().getSimpleName());
        try {
          Thread.sleep(200);
        } catch (InterruptedException interrupted) {
          return;
        }
      }
    }
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
  }
}
