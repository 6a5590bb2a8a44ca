package dev.hl7ferry.edge.config;

import java.net.URI;
import java.util.List;

/**
 * The {@code cloud} section: how to reach AWS (region, optional endpoint overrides for the local
 * cloud or VPC endpoints, HTTP limits). No credentials: the SDK's default chain finds them.
 */
public record CloudConfig(
    String region,
    String s3Endpoint,
    String sqsEndpoint,
    boolean pathStyle,
    int maxConnections,
    int connectTimeoutMillis,
    int requestTimeoutSeconds) {

  /** The S3 endpoint override, or null for the region's default endpoint. */
  public URI s3EndpointUri() {
    return uri(s3Endpoint);
  }

  /** The SQS endpoint override, or null for the region's default endpoint. */
  public URI sqsEndpointUri() {
    return uri(sqsEndpoint);
  }

  List<String> problems() {
    return new Problems("cloud")
        .require(region != null && region.matches("[a-z0-9-]{2,32}"), "region", "not a region")
        .require(endpoint(s3Endpoint), "s3Endpoint", "must be empty or an http(s) URL")
        .require(endpoint(sqsEndpoint), "sqsEndpoint", "must be empty or an http(s) URL")
        .range("maxConnections", maxConnections, 1, 10_000)
        .range("connectTimeoutMillis", connectTimeoutMillis, 1, 600_000)
        .range("requestTimeoutSeconds", requestTimeoutSeconds, 1, 3_600)
        .list();
  }

  private static boolean endpoint(String value) {
    return value == null || value.isBlank() || Problems.httpUrl(value);
  }

  private static URI uri(String value) {
    return value == null || value.isBlank() ? null : URI.create(value);
  }
}
