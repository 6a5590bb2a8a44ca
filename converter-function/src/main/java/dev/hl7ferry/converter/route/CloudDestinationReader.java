package dev.hl7ferry.converter.route;

import dev.hl7ferry.converter.destination.CloudDestination;
import dev.hl7ferry.converter.destination.WebhookKey;
import dev.hl7ferry.converter.route.RoutesFile.CloudEntry;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Validates {@code cloudDestinations} into {@link CloudDestination}s. {@code ${NAME}} in a value is
 * replaced by the environment variable NAME when the file loads ({@code ${NAME:-default}} falls
 * back to the default when NAME is unset or empty); a variable that is not set and has no default
 * is an error naming the key and the variable. A webhook's key is never in the file: either the
 * variable its {@code secretEnv} names holds it, or the Secrets Manager secret its {@code
 * secretArn} names (read at the first post, see {@code CachedSecrets}); exactly one of the two.
 */
final class CloudDestinationReader {
  private static final Pattern VARIABLE =
      Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");
  private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1");
  private static final int MAX_TIMEOUT_MS = 60_000;

  private final Problems problems;
  private final Map<String, String> env;

  CloudDestinationReader(Problems problems, Map<String, String> env) {
    this.problems = problems;
    this.env = env;
  }

  Map<String, CloudDestination> read(Map<String, CloudEntry> entries) throws RouteConfigException {
    Map<String, CloudDestination> out = new LinkedHashMap<>();
    if (entries == null) {
      return out;
    }
    for (Map.Entry<String, CloudEntry> e : entries.entrySet()) {
      String at = "cloudDestinations." + e.getKey();
      String name = problems.safe(e.getKey(), at);
      if (e.getValue() == null) {
        throw problems.fail(at, "expected a map with 'type'");
      }
      out.put(name, destination(name, e.getValue(), at));
    }
    return out;
  }

  private CloudDestination destination(String name, CloudEntry c, String at)
      throws RouteConfigException {
    String type = problems.required(c.type(), at + ".type");
    switch (type) {
      case "sqs":
        only(c, at, type, "queueUrl");
        return new CloudDestination.Sqs(name, value(c.queueUrl(), at + ".queueUrl"));
      case "eventbridge":
        only(c, at, type, "busName", "detailType", "source");
        return new CloudDestination.EventBridge(
            name,
            value(c.busName(), at + ".busName"),
            value(c.detailType(), at + ".detailType"),
            c.source() == null ? "hl7ferry" : value(c.source(), at + ".source"));
      case "s3":
        only(c, at, type, "bucket", "prefix");
        String prefix = c.prefix() == null ? "" : value(c.prefix(), at + ".prefix");
        if (prefix.startsWith("/") || prefix.contains("..")) {
          throw problems.fail(at + ".prefix", "must not start with / or contain ..");
        }
        return new CloudDestination.S3(name, value(c.bucket(), at + ".bucket"), prefix);
      case "https":
        only(c, at, type, "url", "secretEnv", "secretArn", "connectTimeoutMs", "timeoutMs");
        return https(name, c, at);
      default:
        throw problems.fail(
            at + ".type", "'" + type + "' is not one of [sqs, eventbridge, s3, https]");
    }
  }

  private CloudDestination.Https https(String name, CloudEntry c, String at)
      throws RouteConfigException {
    URI url;
    try {
      url = new URI(value(c.url(), at + ".url"));
    } catch (URISyntaxException e) {
      throw problems.fail(at + ".url", "not a URL", e);
    }
    boolean plainLoopback = "http".equals(url.getScheme()) && LOOPBACK.contains(url.getHost());
    if (!"https".equals(url.getScheme()) && !plainLoopback) {
      throw problems.fail(at + ".url", "must be https:// (http:// only to a loopback host)");
    }
    return new CloudDestination.Https(
        name,
        url,
        key(c, at),
        millis(c.connectTimeoutMs(), 2_000, at + ".connectTimeoutMs"),
        millis(c.timeoutMs(), 5_000, at + ".timeoutMs"));
  }

  private WebhookKey key(CloudEntry c, String at) throws RouteConfigException {
    if ((c.secretEnv() == null) == (c.secretArn() == null)) {
      throw problems.fail(at, "exactly one of secretEnv, secretArn is required");
    }
    if (c.secretArn() != null) {
      String arn = value(c.secretArn(), at + ".secretArn");
      if (!WebhookKey.FromSecret.ARN.matcher(arn).matches()) {
        throw problems.fail(
            at + ".secretArn",
            "expected a Secrets Manager secret ARN (arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME)");
      }
      return new WebhookKey.FromSecret(arn);
    }
    String secretEnv = c.secretEnv();
    String secret = env.get(secretEnv);
    if (secret == null || secret.isEmpty()) {
      throw problems.fail(at + ".secretEnv", "environment variable " + secretEnv + " is not set");
    }
    return new WebhookKey.FromEnv(secretEnv, secret.getBytes(StandardCharsets.UTF_8));
  }

  private Duration millis(Integer value, int otherwise, String at) throws RouteConfigException {
    int ms = value == null ? otherwise : value;
    if (ms < 1 || ms > MAX_TIMEOUT_MS) {
      throw problems.fail(at, "must be 1 to " + MAX_TIMEOUT_MS + " milliseconds");
    }
    return Duration.ofMillis(ms);
  }

  /** Refuses keys that belong to another type (a typo'd type would silently ignore them). */
  private void only(CloudEntry c, String at, String type, String... allowed)
      throws RouteConfigException {
    Map<String, Object> present = new LinkedHashMap<>();
    present.put("queueUrl", c.queueUrl());
    present.put("busName", c.busName());
    present.put("detailType", c.detailType());
    present.put("source", c.source());
    present.put("bucket", c.bucket());
    present.put("prefix", c.prefix());
    present.put("url", c.url());
    present.put("secretEnv", c.secretEnv());
    present.put("secretArn", c.secretArn());
    present.put("connectTimeoutMs", c.connectTimeoutMs());
    present.put("timeoutMs", c.timeoutMs());
    List<String> stray = new ArrayList<>();
    present.forEach(
        (key, v) -> {
          if (v != null && !List.of(allowed).contains(key)) {
            stray.add(key);
          }
        });
    if (!stray.isEmpty()) {
      throw problems.fail(
          at,
          "keys "
              + stray
              + " do not apply to type "
              + type
              + " (allowed: type, "
              + String.join(", ", allowed)
              + ")");
    }
  }

  /** A required value with {@code ${NAME}} replaced from the environment. */
  private String value(String text, String at) throws RouteConfigException {
    String raw = problems.required(text, at);
    Matcher m = VARIABLE.matcher(raw);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String resolved = env.get(m.group(1));
      if (resolved == null || resolved.isEmpty()) {
        resolved = m.group(2);
      }
      if (resolved == null) {
        throw problems.fail(at, "environment variable " + m.group(1) + " is not set");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(resolved));
    }
    m.appendTail(out);
    String value = out.toString().trim();
    if (value.isEmpty()) {
      throw problems.fail(at, "is empty once ${...} is resolved");
    }
    return value;
  }
}
