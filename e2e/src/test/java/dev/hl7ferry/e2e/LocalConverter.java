package dev.hl7ferry.e2e;

import dev.hl7ferry.converter.config.FunctionSettings;
import dev.hl7ferry.converter.lambda.LocalFunctions;
import dev.hl7ferry.infra.local.LocalCloud;
import java.util.List;
import java.util.Map;

/**
 * The converter as {@code ferry-convert run-local} runs it — the real {@link
 * dev.hl7ferry.converter.lambda.ConverterHandler} wired from FERRY_* settings, two function
 * instances polling each queue ({@link LocalFunctions}) — on threads of this JVM. Each receive
 * waits at most 1 s (run-local: 10 s) so that {@link #close} returns within about a second; a long
 * poll returns as soon as a message arrives either way.
 */
final class LocalConverter implements AutoCloseable {
  private final LocalFunctions functions;

  private LocalConverter(LocalFunctions functions) {
    this.functions = functions;
  }

  /**
   * The converter polling {@code queueUrls} of {@code cloud} (the inbound queue, vendors' results
   * queues), as Lambda runs one event source mapping per queue; the endpoints stay across cloud
   * restarts.
   */
  static LocalConverter start(LocalCloud cloud, List<String> queueUrls) {
    FunctionSettings settings =
        FunctionSettings.fromEnvironment(
            Map.of(
                "FERRY_BUCKET", cloud.bucket(),
                "FERRY_S3_ENDPOINT", cloud.s3Endpoint().toString(),
                "FERRY_SQS_ENDPOINT", cloud.sqsEndpoint().toString(),
                "AWS_REGION", cloud.region()));
    return new LocalConverter(LocalFunctions.start(settings, queueUrls, 2, 1));
  }

  @Override
  public void close() {
    functions.close();
  }
}
