package dev.hl7ferry.edge.ship;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach the cloud, as plain values. Credentials are deliberately absent: the SDK's default
 * chain finds them (environment, profile, {@code credential_process} such as IAM Roles Anywhere,
 * instance role), so no secret sits in a config file.
 *
 * @param region AWS region, e.g. {@code eu-central-1}
 * @param s3Endpoint endpoint override for S3 (local cloud, VPC endpoint), or null for the default
 * @param sqsEndpoint endpoint override for SQS, or null for the default
 * @param pathStyle path-style S3 addressing (needed by most S3-compatible servers)
 * @param maxConnections HTTP connections per client
 * @param connectTimeout TCP connect timeout
 * @param requestTimeout timeout of one API call attempt
 */
public record CloudSettings(
    String region,
    URI s3Endpoint,
    URI sqsEndpoint,
    boolean pathStyle,
    int maxConnections,
    Duration connectTimeout,
    Duration requestTimeout) {

  public CloudSettings {
    Objects.requireNonNull(region, "region");
    if (region.isBlank()) {
      throw new IllegalArgumentException("cloud.region: required");
    }
    if (maxConnections < 1) {
      throw new IllegalArgumentException("cloud.max-connections: at least 1");
    }
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
  }

  /** The real AWS endpoints of {@code region}. */
  public static CloudSettings aws(String region) {
    return new CloudSettings(
        region, null, null, false, 64, Duration.ofSeconds(2), Duration.ofSeconds(30));
  }

  /** Endpoint overrides, path-style: the local cloud, LocalStack or a private endpoint. */
  public static CloudSettings endpoints(String region, URI s3Endpoint, URI sqsEndpoint) {
    return new CloudSettings(
        region, s3Endpoint, sqsEndpoint, true, 64, Duration.ofSeconds(2), Duration.ofSeconds(30));
  }
}
