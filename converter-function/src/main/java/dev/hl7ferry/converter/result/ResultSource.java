package dev.hl7ferry.converter.result;

import java.util.regex.Pattern;

/**
 * Tells a vendor's results queue from the inbound queue by the queue name in a record's event
 * source ARN: a name that fits {@code FERRY_RESULTS_QUEUE} (a pattern with {@code {vendor}}, e.g.
 * {@code hl7-ferry-results-{vendor}}; the CDK stack sets {@code {prefix}-results-{vendor}}) carries
 * that vendor's results, anything else inbound envelopes.
 *
 * @param prefix the name before {@code {vendor}}
 * @param suffix the name after it
 */
public record ResultSource(String prefix, String suffix) {
  private static final Pattern VENDOR = Pattern.compile("[A-Za-z0-9_-]{1,60}");

  /** The results queues of the default pattern {@code hl7-ferry-results-{vendor}}. */
  public static final ResultSource DEFAULT = of("hl7-ferry-results-{vendor}");

  /** The source for a {@code FERRY_RESULTS_QUEUE} pattern with exactly one {@code {vendor}}. */
  public static ResultSource of(String pattern) {
    int at = pattern.indexOf("{vendor}");
    if (at < 0 || pattern.indexOf("{vendor}", at + 1) >= 0) {
      throw new IllegalArgumentException("a results queue pattern needs {vendor} once: " + pattern);
    }
    return new ResultSource(pattern.substring(0, at), pattern.substring(at + "{vendor}".length()));
  }

  /** The queue name at the end of an SQS ARN ({@code arn:aws:sqs:region:account:name}), or "". */
  public static String queueName(String eventSourceArn) {
    if (eventSourceArn == null) {
      return "";
    }
    return eventSourceArn.substring(eventSourceArn.lastIndexOf(':') + 1);
  }

  /** The vendor whose results queue {@code queueName} is, or null for any other queue. */
  public String vendor(String queueName) {
    if (queueName == null
        || queueName.length() <= prefix.length() + suffix.length()
        || !queueName.startsWith(prefix)
        || !queueName.endsWith(suffix)) {
      return null;
    }
    String vendor = queueName.substring(prefix.length(), queueName.length() - suffix.length());
    return VENDOR.matcher(vendor).matches() ? vendor : null;
  }

  /** The results queue name of {@code vendor}. */
  public String queueOf(String vendor) {
    return prefix + vendor + suffix;
  }
}
