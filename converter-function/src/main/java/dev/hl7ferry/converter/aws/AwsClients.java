package dev.hl7ferry.converter.aws;

import dev.hl7ferry.converter.config.FunctionSettings;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Builds the SDK clients once per function instance. The URL-connection client starts fast and
 * opens no connection until the first call, so nothing unsafe is captured by a SnapStart snapshot.
 */
public final class AwsClients {
  private AwsClients() {}

  /** The shared HTTP client. */
  public static SdkHttpClient http() {
    return UrlConnectionHttpClient.builder().build();
  }

  /** An S3 client for {@code settings}. */
  public static S3Client s3(FunctionSettings settings, SdkHttpClient http) {
    var builder =
        S3Client.builder()
            .httpClient(http)
            .region(Region.of(settings.region()))
            .credentialsProvider(DefaultCredentialsProvider.builder().build());
    if (settings.s3Endpoint() != null) {
      builder.endpointOverride(settings.s3Endpoint()).forcePathStyle(true);
    }
    return builder.build();
  }

  /** An SQS client for {@code settings}. */
  public static SqsClient sqs(FunctionSettings settings, SdkHttpClient http) {
    var builder =
        SqsClient.builder()
            .httpClient(http)
            .region(Region.of(settings.region()))
            .credentialsProvider(DefaultCredentialsProvider.builder().build());
    if (settings.sqsEndpoint() != null) {
      builder.endpointOverride(settings.sqsEndpoint());
    }
    return builder.build();
  }
}
