package dev.hl7ferry.converter.aws;

import dev.hl7ferry.converter.config.FunctionSettings;
import java.io.ByteArrayInputStream;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Builds the SDK clients once per function instance. The URL-connection client starts fast and
 * opens no connection until the first call, so nothing unsafe is captured by a SnapStart snapshot.
 *
 * <p>Cold start: like the Lambda runtime hands them over, region and credentials come straight from
 * the environment ({@code AWS_REGION}; {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY},
 * {@code AWS_SESSION_TOKEN} when set, else the default chain, e.g. the container credentials a
 * SnapStart function gets), and the shared {@code ~/.aws} profile files are not read (a function
 * has none; every setting is explicit here), which spares the provider chains and the profile
 * parser at start-up.
 */
public final class AwsClients {
  private AwsClients() {}

  /** The shared HTTP client. */
  public static SdkHttpClient http() {
    return UrlConnectionHttpClient.builder().build();
  }

  /** An S3 client for {@code settings}. */
  public static S3Client s3(FunctionSettings settings, SdkHttpClient http) {
    return s3(settings.region(), settings.s3Endpoint(), http);
  }

  /** An S3 client for {@code region}; a non-null {@code endpoint} overrides it (path style). */
  public static S3Client s3(String region, URI endpoint, SdkHttpClient http) {
    var builder =
        S3Client.builder()
            .httpClient(http)
            .region(Region.of(region))
            .credentialsProvider(credentials())
            .overrideConfiguration(noProfileFile());
    if (endpoint != null) {
      builder.endpointOverride(endpoint).forcePathStyle(true);
    }
    return builder.build();
  }

  /** An SQS client for {@code settings}. */
  public static SqsClient sqs(FunctionSettings settings, SdkHttpClient http) {
    return sqs(settings.region(), settings.sqsEndpoint(), http);
  }

  /** An SQS client for {@code region}; a non-null {@code endpoint} overrides it. */
  public static SqsClient sqs(String region, URI endpoint, SdkHttpClient http) {
    var builder =
        SqsClient.builder()
            .httpClient(http)
            .region(Region.of(region))
            .credentialsProvider(credentials())
            .overrideConfiguration(noProfileFile());
    if (endpoint != null) {
      builder.endpointOverride(endpoint);
    }
    return builder.build();
  }

  /** An EventBridge client for {@code settings} (endpoint override: {@code FERRY_AWS_ENDPOINT}). */
  public static EventBridgeClient eventBridge(FunctionSettings settings, SdkHttpClient http) {
    var builder =
        EventBridgeClient.builder()
            .httpClient(http)
            .region(Region.of(settings.region()))
            .credentialsProvider(credentials())
            .overrideConfiguration(noProfileFile());
    String endpoint = System.getenv("FERRY_EVENTBRIDGE_ENDPOINT");
    if (endpoint != null && !endpoint.isBlank()) {
      builder.endpointOverride(java.net.URI.create(endpoint));
    }
    return builder.build();
  }

  /**
   * A Secrets Manager client for {@code settings} (endpoint override: {@code
   * FERRY_SECRETSMANAGER_ENDPOINT}).
   */
  public static SecretsManagerClient secretsManager(FunctionSettings settings, SdkHttpClient http) {
    var builder =
        SecretsManagerClient.builder()
            .httpClient(http)
            .region(Region.of(settings.region()))
            .credentialsProvider(credentials())
            .overrideConfiguration(noProfileFile());
    String endpoint = System.getenv("FERRY_SECRETSMANAGER_ENDPOINT");
    if (endpoint != null && !endpoint.isBlank()) {
      builder.endpointOverride(java.net.URI.create(endpoint));
    }
    return builder.build();
  }

  private static AwsCredentialsProvider credentials() {
    String key = System.getenv("AWS_ACCESS_KEY_ID");
    if (key != null && !key.isBlank()) {
      return EnvironmentVariableCredentialsProvider.create();
    }
    return DefaultCredentialsProvider.builder().build();
  }

  private static ClientOverrideConfiguration noProfileFile() {
    ProfileFile empty =
        ProfileFile.builder()
            .content(new ByteArrayInputStream(new byte[0]))
            .type(ProfileFile.Type.CONFIGURATION)
            .build();
    return ClientOverrideConfiguration.builder().defaultProfileFile(empty).build();
  }
}
