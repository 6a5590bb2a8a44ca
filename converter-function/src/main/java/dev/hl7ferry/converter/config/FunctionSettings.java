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
 *       hl7-ferry-outbound-{site}.fifo}
 *   <li>{@code AWS_REGION}: default us-east-1
 *   <li>{@code FERRY_S3_ENDPOINT}, {@code FERRY_SQS_ENDPOINT}: endpoint overrides (the local cloud,
 *       VPC endpoints), both defaulting to {@code FERRY_AWS_ENDPOINT}; an S3 override also turns on
 *       path-style addressing. Credentials come from {@code AWS_ACCESS_KEY_ID} etc. when set, else
 *       from the SDK's default chain.
 * </ul>
 */
public record FunctionSettings(
    String bucket,
    String templatesPrefix,
    Duration templateTtl,
    String outboundQueue,
    String region,
    URI s3Endpoint,
    URI sqsEndpoint) {

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
    String both = env.get("FERRY_AWS_ENDPOINT");
    return new FunctionSettings(
        env.get("FERRY_BUCKET"),
        env.getOrDefault("FERRY_TEMPLATES_PREFIX", "templates/"),
        ttl,
        env.getOrDefault("FERRY_OUTBOUND_QUEUE", "hl7-ferry-outbound-{site}.fifo"),
        env.getOrDefault("AWS_REGION", "us-east-1"),
        uri(env.getOrDefault("FERRY_S3_ENDPOINT", both)),
        uri(env.getOrDefault("FERRY_SQS_ENDPOINT", both)));
  }

  private static URI uri(String text) {
    return text == null || text.isBlank() ? null : URI.create(text);
  }
}
