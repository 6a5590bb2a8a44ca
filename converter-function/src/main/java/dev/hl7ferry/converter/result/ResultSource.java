package dev.hl7ferry.converter.result;

import java.util.regex.Pattern;

/**
 * Tells a vendor's results queue from the inbound queue by the queue name in a record's event
 * source ARN: {@code hl7-ferry-results-{vendor}} carries the vendor's results, anything else
 * inbound envelopes.
 */
public final class ResultSource {
  /** The results queues' name prefix; the vendor is the rest of the name. */
  public static final String PREFIX = "hl7-ferry-results-";

  private static final Pattern VENDOR = Pattern.compile("[A-Za-z0-9_-]{1,60}");

  private ResultSource() {}

  /** The queue name at the end of an SQS ARN ({@code arn:aws:sqs:region:account:name}), or "". */
  public static String queueName(String eventSourceArn) {
    if (eventSourceArn == null) {
      return "";
    }
    return eventSourceArn.substring(eventSourceArn.lastIndexOf(':') + 1);
  }

  /** The vendor whose results queue {@code queueName} is, or null for any other queue. */
  public static String vendor(String queueName) {
    if (queueName == null || !queueName.startsWith(PREFIX)) {
      return null;
    }
    String vendor = queueName.substring(PREFIX.length());
    return VENDOR.matcher(vendor).matches() ? vendor : null;
  }
}
