package dev.hl7ferry.converter.config;

import dev.hl7ferry.contract.envelope.InlinePolicy;
import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Settings of one function instance (environment variables, all optional but the bucket):
 *
 * <ul>
 *   <li>{@code FERRY_BUCKET}: bucket holding {@code templates/}, outputs and error records
 *   <li>{@code FERRY_TEMPLATES_PREFIX}: default {@code templates/}
 *   <li>{@code FERRY_TEMPLATE_TTL}: ISO-8601 duration between store checks, default {@code PT60S}
 *   <li>{@code FERRY_OUTBOUND_QUEUE}: queue name or URL with {@code {site}}, default {@code
 *       hl7-ferry-outbound-{site}.fifo}
 *   <li>{@code FERRY_INLINE_MAX_BYTES}: an output whose outbound envelope body is at most this many
 *       bytes travels inside it (no S3 object), a larger one as a claim check; default {@code
 *       65536} (one SQS billing chunk), 0 never inlines, at most {@code 1048576} (SQS's limit)
 *   <li>{@code FERRY_RENDER_TIMEOUT}: ISO-8601 duration one record's rendering may take before the
 *       record fails (its render thread is abandoned), default {@code PT5S}
 *   <li>{@code FERRY_MAX_INPUT_BYTES}: a payload larger than this is refused from its envelope's
 *       size, without being read; default {@code 16777216} (16 MiB)
 *   <li>{@code FERRY_RESULTS_QUEUE}: the vendors' results queue name with {@code {vendor}}, default
 *       {@code hl7-ferry-results-{vendor}} (the CDK stack sets {@code {prefix}-results-{vendor}});
 *       a record from a queue of that name is a result of that vendor, any other an inbound
 *       envelope
 *   <li>{@code FERRY_VENDOR_SITES_{VENDOR}}: the sites the deployment lets vendor VENDOR (capitals,
 *       {@code -} as {@code _}) write results for, comma separated; when set, a result must be for
 *       a site both this list and the routes file's {@code vendors} allow
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
    InlinePolicy inline,
    String region,
    URI s3Endpoint,
    URI sqsEndpoint,
    Duration renderTimeout,
    long maxInputBytes,
    String resultsQueue,
    Map<String, Set<String>> vendorSites) {

  /** Default of {@code FERRY_RESULTS_QUEUE}. */
  public static final String DEFAULT_RESULTS_QUEUE = "hl7-ferry-results-{vendor}";

  /** The prefix of the variables listing a vendor's sites. */
  public static final String VENDOR_SITES = "FERRY_VENDOR_SITES_";

  /** Default of {@code FERRY_MAX_INPUT_BYTES}. */
  public static final long DEFAULT_MAX_INPUT_BYTES = 16L * 1024 * 1024;

  /** Default of {@code FERRY_RENDER_TIMEOUT}. */
  public static final Duration DEFAULT_RENDER_TIMEOUT = Duration.ofSeconds(5);

  public FunctionSettings {
    if (bucket == null || bucket.isBlank()) {
      throw new IllegalArgumentException("FERRY_BUCKET is required");
    }
    if (inline == null) {
      throw new IllegalArgumentException("the inline policy is required");
    }
    if (!outboundQueue.contains("{site}")) {
      throw new IllegalArgumentException("FERRY_OUTBOUND_QUEUE must contain {site}");
    }
    if (renderTimeout == null || renderTimeout.isNegative() || renderTimeout.isZero()) {
      throw new IllegalArgumentException("FERRY_RENDER_TIMEOUT must be a positive duration");
    }
    if (maxInputBytes < 1) {
      throw new IllegalArgumentException(
          "FERRY_MAX_INPUT_BYTES must be a positive number of bytes");
    }
    int vendor = resultsQueue == null ? -1 : resultsQueue.indexOf("{vendor}");
    if (vendor < 0 || resultsQueue.indexOf("{vendor}", vendor + 1) >= 0) {
      throw new IllegalArgumentException(
          "FERRY_RESULTS_QUEUE must contain {vendor} once, was " + resultsQueue);
    }
    vendorSites = Map.copyOf(vendorSites);
  }

  /**
   * The sites the deployment lets {@code vendor} write to ({@code FERRY_VENDOR_SITES_{VENDOR}}), or
   * null when the deployment does not bound them.
   */
  public Set<String> deployedSites(String vendor) {
    return vendorSites.get(vendor.toUpperCase(Locale.ROOT).replace('-', '_'));
  }

  /** Reads the settings from environment variables. */
  public static FunctionSettings fromEnvironment(Map<String, String> env) {
    Duration ttl = duration(env, "FERRY_TEMPLATE_TTL", "PT60S");
    String both = env.get("FERRY_AWS_ENDPOINT");
    return new FunctionSettings(
        env.get("FERRY_BUCKET"),
        env.getOrDefault("FERRY_TEMPLATES_PREFIX", "templates/"),
        ttl,
        env.getOrDefault("FERRY_OUTBOUND_QUEUE", "hl7-ferry-outbound-{site}.fifo"),
        inline(env.get("FERRY_INLINE_MAX_BYTES")),
        env.getOrDefault("AWS_REGION", "us-east-1"),
        uri(env.getOrDefault("FERRY_S3_ENDPOINT", both)),
        uri(env.getOrDefault("FERRY_SQS_ENDPOINT", both)),
        duration(env, "FERRY_RENDER_TIMEOUT", DEFAULT_RENDER_TIMEOUT.toString()),
        bytes(env.get("FERRY_MAX_INPUT_BYTES")),
        env.getOrDefault("FERRY_RESULTS_QUEUE", DEFAULT_RESULTS_QUEUE).strip(),
        vendorSites(env));
  }

  /** {@code FERRY_VENDOR_SITES_ACME_AI=north,south} as {@code ACME_AI -> [north, south]}. */
  private static Map<String, Set<String>> vendorSites(Map<String, String> env) {
    Map<String, Set<String>> out = new HashMap<>();
    env.forEach(
        (name, value) -> {
          if (name.startsWith(VENDOR_SITES) && name.length() > VENDOR_SITES.length()) {
            Set<String> sites = new LinkedHashSet<>();
            for (String site : value.split(",")) {
              if (!site.isBlank()) {
                sites.add(site.strip());
              }
            }
            out.put(name.substring(VENDOR_SITES.length()), Set.copyOf(sites));
          }
        });
    return out;
  }

  private static Duration duration(Map<String, String> env, String name, String otherwise) {
    String text = env.getOrDefault(name, otherwise);
    try {
      return Duration.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(name + " is not an ISO-8601 duration, was " + text, e);
    }
  }

  private static long bytes(String text) {
    if (text == null || text.isBlank()) {
      return DEFAULT_MAX_INPUT_BYTES;
    }
    try {
      return Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "FERRY_MAX_INPUT_BYTES must be a whole number of bytes, was " + text, e);
    }
  }

  private static InlinePolicy inline(String text) {
    if (text == null || text.isBlank()) {
      return InlinePolicy.defaults();
    }
    try {
      return new InlinePolicy(Integer.parseInt(text.strip()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "FERRY_INLINE_MAX_BYTES must be a whole number of bytes from 0 to "
              + InlinePolicy.SQS_MAX_BYTES
              + ", was "
              + text,
          e);
    }
  }

  private static URI uri(String text) {
    return text == null || text.isBlank() ? null : URI.create(text);
  }
}
