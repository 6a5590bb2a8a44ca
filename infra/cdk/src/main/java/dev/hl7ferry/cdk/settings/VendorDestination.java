package dev.hl7ferry.cdk.settings;

import java.util.Locale;

/**
 * One cloud destination of a vendor, named as in the routes file's {@code cloudDestinations}; the
 * fields its {@link Type} does not use are empty.
 *
 * @param name 1-40 of {@code a-z 0-9 -}, unique across vendors: the converter's environment
 *     variables are {@code FERRY_{NAME}_...}
 * @param queueArn SQS: the vendor's queue; empty means a FIFO queue {@code
 *     {prefix}-vendor-{name}.fifo} made in this stack
 * @param busArn EventBridge: the bus
 * @param bucket S3: the bucket
 * @param prefix S3: the key prefix the converter may write under
 * @param url HTTPS: the webhook
 * @param secretArn HTTPS: the Secrets Manager secret holding the HMAC key
 * @param kmsKeyArn SQS, S3, HTTPS: the customer-managed key of the vendor's queue, bucket or secret
 */
public record VendorDestination(
    String name,
    Type type,
    String queueArn,
    String busArn,
    String bucket,
    String prefix,
    String url,
    String secretArn,
    String kmsKeyArn) {

  /** The destination types; the routes file's {@code type} values. */
  public enum Type {
    SQS,
    EVENTBRIDGE,
    S3,
    HTTPS;

    /** The routes file's spelling. */
    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Whether this stack makes the destination's queue (an SQS destination without a queue ARN). */
  public boolean madeHere() {
    return type == Type.SQS && queueArn.isEmpty();
  }

  /** A converter environment variable of this destination: {@code FERRY_{NAME}_{suffix}}. */
  public String env(String suffix) {
    return "FERRY_" + envPart(name) + "_" + suffix;
  }

  static String envPart(String name) {
    return name.toUpperCase(Locale.ROOT).replace('-', '_');
  }
}
