package dev.hl7ferry.infra.local.aws;

import dev.hl7ferry.infra.local.LocalCloud;
import dev.hl7ferry.infra.local.StaticCredentials;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * AWS SDK v2 clients pointed at a {@link LocalCloud}: endpoint override, path-style S3 addressing,
 * the local static credentials. For tests and local tools; production code builds its own.
 */
public final class LocalClients {

  private LocalClients() {}

  /** An S3 client for {@code cloud}; close it when done. */
  public static S3Client s3(LocalCloud cloud) {
    return S3Client.builder()
        .endpointOverride(cloud.s3Endpoint())
        .region(Region.of(cloud.region()))
        .credentialsProvider(credentials(cloud))
        .forcePathStyle(true)
        .httpClientBuilder(httpClient())
        .build();
  }

  /** An SQS client for {@code cloud}; close it when done. */
  public static SqsClient sqs(LocalCloud cloud) {
    return sqs(cloud.sqsEndpoint(), cloud.region(), cloud.credentials());
  }

  /** An SQS client for an endpoint that may not be a running {@link LocalCloud} yet. */
  public static SqsClient sqs(URI endpoint, String region, StaticCredentials credentials) {
    return SqsClient.builder()
        .endpointOverride(endpoint)
        .region(Region.of(region))
        .credentialsProvider(provider(credentials))
        .httpClientBuilder(httpClient())
        .build();
  }

  private static StaticCredentialsProvider credentials(LocalCloud cloud) {
    return provider(cloud.credentials());
  }

  private static StaticCredentialsProvider provider(StaticCredentials credentials) {
    return StaticCredentialsProvider.create(
        AwsBasicCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey()));
  }

  private static UrlConnectionHttpClient.Builder httpClient() {
    return UrlConnectionHttpClient.builder()
        .connectionTimeout(Duration.ofSeconds(2))
        .socketTimeout(Duration.ofSeconds(30));
  }
}
