package dev.hl7ferry.edge.aws;

import dev.hl7ferry.edge.ship.CloudSettings;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Builds the S3 and SQS clients from plain settings: region, optional endpoint overrides, one
 * pooled Apache HTTP client. Credentials come from the SDK's default chain unless a test hands in a
 * provider. The SDK's own retries are kept short: the shipper retries whole rounds with backoff.
 */
public final class AwsClients implements AutoCloseable {

  private final SdkHttpClient http;
  private final S3Client s3;
  private final SqsClient sqs;

  private AwsClients(SdkHttpClient http, S3Client s3, SqsClient sqs) {
    this.http = http;
    this.s3 = s3;
    this.sqs = sqs;
  }

  /** Clients with credentials from the default chain (env, profile, credential_process, role). */
  public static AwsClients create(CloudSettings settings) {
    return create(settings, DefaultCredentialsProvider.builder().build());
  }

  public static AwsClients create(CloudSettings settings, AwsCredentialsProvider credentials) {
    return create(settings, credentials, Duration.ZERO);
  }

  /**
   * Clients whose sockets also outlast a long poll of {@code longPoll}: an SQS receive holds the
   * response back for up to its wait time, on top of the usual request time.
   */
  public static AwsClients create(
      CloudSettings settings, AwsCredentialsProvider credentials, Duration longPoll) {
    SdkHttpClient http =
        ApacheHttpClient.builder()
            .maxConnections(settings.maxConnections())
            .connectionTimeout(settings.connectTimeout())
            .socketTimeout(settings.requestTimeout().plus(longPoll))
            .build();
    ClientOverrideConfiguration overrides =
        ClientOverrideConfiguration.builder()
            .retryStrategy(RetryMode.STANDARD)
            .apiCallAttemptTimeout(settings.requestTimeout())
            .build();
    Region region = Region.of(settings.region());
    var s3 =
        S3Client.builder()
            .region(region)
            .credentialsProvider(credentials)
            .httpClient(http)
            .overrideConfiguration(overrides)
            .forcePathStyle(settings.pathStyle());
    var sqs =
        SqsClient.builder()
            .region(region)
            .credentialsProvider(credentials)
            .httpClient(http)
            .overrideConfiguration(overrides);
    if (settings.s3Endpoint() != null) {
      s3.endpointOverride(settings.s3Endpoint());
    }
    if (settings.sqsEndpoint() != null) {
      sqs.endpointOverride(settings.sqsEndpoint());
    }
    return new AwsClients(http, s3.build(), sqs.build());
  }

  public S3Client s3() {
    return s3;
  }

  public SqsClient sqs() {
    return sqs;
  }

  @Override
  public void close() {
    s3.close();
    sqs.close();
    http.close();
  }
}
