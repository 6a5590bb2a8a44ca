package dev.hl7ferry.cdk.vendor;

import dev.hl7ferry.cdk.settings.FerrySettings;
import dev.hl7ferry.cdk.settings.Vendor;
import dev.hl7ferry.cdk.settings.VendorDestination;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The converter's environment for the vendors: the results queue name pattern, each vendor's sites
 * and each destination's values under {@code FERRY_{DESTINATION}_...}, which the routes file
 * references as {@code ${NAME}}. No secret is among them: a webhook's HMAC key stays in Secrets
 * Manager and only its ARN is passed.
 */
public final class VendorEnvironment {
  private VendorEnvironment() {}

  /**
   * @param taken the converter's other variables: a derived name equal to one of them is refused
   */
  public static Map<String, String> of(
      FerrySettings settings, VendorResults queues, Set<String> taken) {
    Map<String, String> env = new LinkedHashMap<>();
    if (settings.vendors().isEmpty()) {
      return env;
    }
    put(env, taken, "vendors", "FERRY_RESULTS_QUEUE", settings.resultsQueuePattern());
    for (Vendor vendor : settings.vendors()) {
      String at = "vendors." + vendor.name();
      put(
          env,
          taken,
          at,
          "FERRY_VENDOR_SITES_" + vendor.envName(),
          String.join(",", vendor.sites()));
      for (VendorDestination d : vendor.destinations()) {
        String key = at + ".destinations." + d.name();
        switch (d.type()) {
          case SQS ->
              put(
                  env,
                  taken,
                  key,
                  d.env("QUEUE_URL"),
                  d.madeHere()
                      ? queues.destinationQueues().get(d.name()).getQueueUrl()
                      : queueUrl(d.queueArn()));
          case EVENTBRIDGE -> put(env, taken, key, d.env("BUS_ARN"), d.busArn());
          case S3 -> {
            put(env, taken, key, d.env("BUCKET"), d.bucket());
            put(env, taken, key, d.env("PREFIX"), d.prefix());
          }
          case HTTPS -> {
            put(env, taken, key, d.env("URL"), d.url());
            put(env, taken, key, d.env("SECRET_ARN"), d.secretArn());
          }
        }
      }
    }
    return env;
  }

  /** {@code arn:aws:sqs:eu-central-1:123456789012:q} to its URL {@code https://sqs.eu-...}. */
  public static String queueUrl(String queueArn) {
    String[] p = queueArn.split(":", 6);
    String domain = p[1].equals("aws-cn") ? "amazonaws.com.cn" : "amazonaws.com";
    return "https://sqs." + p[3] + "." + domain + "/" + p[4] + "/" + p[5];
  }

  private static void put(
      Map<String, String> env, Set<String> taken, String key, String name, String value) {
    if (taken.contains(name) || env.containsKey(name)) {
      throw new IllegalArgumentException(
          key + ": its converter variable " + name + " is already used; rename it");
    }
    env.put(name, value);
  }
}
