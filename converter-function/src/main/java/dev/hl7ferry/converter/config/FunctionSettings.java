package dev.hl7ferry.converter.config;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Settings of one function instance (environment variables, all optional but the bucket):
 *
 * <ul>
 *   <li>{@code FERRY_BUCKET}: bucket holding {@code templates/}, outputs and error records
 *   <li>{@code FERRY_TEMPLATES_PREFIX}: default {@code templates/}
 *   <li>{@code FERRY_TEMPLATE_TTL}: ISO-8601 duration between store checks, default {@code PT60S}
 *   <li>{@code FERRY_OUTBOUND_QUEUE}: queue name or URL with {@code {site}}, default {@code
 *       outbound-{site}.fifo}
 *   <li>{@code AWS_REGION}: default us-east-1; {@code FERRY_AWS_ENDPOINT}: endpoint override (the
 *       local cloud), which also turns on S3 path-style addressing
 * </ul>
 */
public record FunctionSettings(
    String bucket,
    String templatesPrefix,
    Duration templateTtl,
    String outboundQueue,
    String region,
    URI endpoint) {

  public FunctionSettings {
    if (bucket == null || bucket.isBlank()) {
      throw new IllegalArgumentException("FERRY_BUCKET is required");
    }
    if (!outboundQueue.contains("{site}")) {
      throw new IllegalArgumentException("FERRY_OUTBOUND_QUEUE must contain {site}");
    }
  }

  /** Reads the settings from environment variables. */
  public static FunctionSettings fromEnvironment(Map<String, String> env) {
    Duration ttl;
    try {
      ttl = Duration.parse(env.getOrDefault("FERRY_TEMPLATE_TTL", "PT60S"));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("FERRY_TEMPLATE_TTL is not an ISO-8601 duration", e);
    }
    String endpoint = env.get("FERRY_AWS_ENDPOINT");
    return new FunctionSettings(
        env.get("FERRY_BUCKET"),
        env.getOrDefault("FERRY_TEMPLATES_PREFIX", "templates/"),
        ttl,
        env.getOrDefault("FERRY_OUTBOUND_QUEUE", "outbound-{site}.fifo"),
        env.getOrDefault("AWS_REGION", "us-east-1"),
        endpoint == null || endpoint.isBlank() ? null : URI.create(endpoint));
  }
}
