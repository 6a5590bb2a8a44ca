package dev.hl7ferry.cdk.settings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Everything a deployment may choose, read once from CDK context ({@code -c key=value} or {@code
 * CDK_CONTEXT_JSON}) and validated; every key, its default and why are listed in DEPLOY.md.
 *
 * @param namePrefix prefix of every queue name ({@code hl7-ferry}: {@code hl7-ferry-inbound.fifo})
 * @param sites edge sites, each with its own role, outbound queue and prefixes
 * @param converterZip the converter's Lambda package ({@code converter-function-*-lambda.zip})
 * @param trust who may take the edge roles
 * @param retention days per bucket prefix
 * @param archiveLockDays 0 for no Object Lock; else the bucket is created with Object Lock and the
 *     edge may lock its archive objects (GOVERNANCE or COMPLIANCE) for up to this many days
 * @param maxConcurrency most concurrent converter instances the inbound queue drives
 * @param maxInboundAgeSeconds alarm when the oldest inbound message is older
 * @param edgeSilentMinutes alarm when a site puts nothing under {@code inbound/{site}/} this long
 * @param alarmEmail address subscribed to the alarm topic, empty for none
 * @param vendors AI-result vendors (from {@code vendorsFile}), each with a results queue and a role
 */
public record FerrySettings(
    String namePrefix,
    List<String> sites,
    Path converterZip,
    EdgeTrust trust,
    Retention retention,
    int archiveLockDays,
    int maxConcurrency,
    int maxInboundAgeSeconds,
    int edgeSilentMinutes,
    String alarmEmail,
    List<Vendor> vendors) {

  /**
   * 1-56 of {@code A-Z a-z 0-9 _ -}: the edge's site names, shortened so that {@code
   * hl7-ferry-outbound-{site}.fifo} stays within SQS's 80 characters.
   */
  private static final Pattern SITE = Pattern.compile("[A-Za-z0-9_-]{1,56}");

  private static final Pattern PREFIX = Pattern.compile("[a-z0-9][a-z0-9-]{0,15}");

  public FerrySettings {
    sites = List.copyOf(sites);
    if (sites.isEmpty()) {
      throw new IllegalArgumentException("sites: at least one site is required (-c sites=a,b)");
    }
    for (String site : sites) {
      if (!SITE.matcher(site).matches()) {
        throw new IllegalArgumentException(
            "sites: '" + site + "' must be 1-56 of A-Z a-z 0-9 _ - (the edge's ship.site)");
      }
    }
    if (new LinkedHashSet<>(sites).size() != sites.size()) {
      throw new IllegalArgumentException("sites: a site is named twice: " + sites);
    }
    if (!PREFIX.matcher(namePrefix).matches()) {
      throw new IllegalArgumentException("namePrefix: 1-16 of a-z 0-9 -, starting alphanumeric");
    }
    check("archiveLockDays", archiveLockDays, 0, 36_500);
    check("maxConcurrency", maxConcurrency, 2, 1000);
    check("maxInboundAgeSeconds", maxInboundAgeSeconds, 60, 1_209_600);
    check("edgeSilentMinutes", edgeSilentMinutes, 1, 1440);
    alarmEmail = alarmEmail == null ? "" : alarmEmail;
    vendors = List.copyOf(vendors);
    checkVendors(sites, vendors);
  }

  /** Each vendor once, its sites among the stack's, each destination name once across vendors. */
  private static void checkVendors(List<String> sites, List<Vendor> vendors) {
    Set<String> names = new HashSet<>();
    Set<String> destinations = new HashSet<>();
    for (Vendor vendor : vendors) {
      String at = "vendors." + vendor.name();
      if (!names.add(vendor.envName())) {
        throw new IllegalArgumentException("vendors: '" + vendor.name() + "' is named twice");
      }
      for (String site : vendor.sites()) {
        if (!sites.contains(site)) {
          throw new IllegalArgumentException(
              at + ".sites: '" + site + "' is not one of the stack's sites " + sites);
        }
      }
      for (VendorDestination d : vendor.destinations()) {
        if (!destinations.add(d.name())) {
          throw new IllegalArgumentException(
              at + ".destinations." + d.name() + ": the name is used twice (names are global)");
        }
      }
    }
  }

  /** Reads the context through {@code lookup} (CDK's {@code node.tryGetContext}). */
  public static FerrySettings fromContext(Function<String, Object> lookup) {
    ContextReader c = new ContextReader(lookup);
    return new FerrySettings(
        c.text("namePrefix", "hl7-ferry"),
        c.list("sites"),
        Path.of(c.text("converterZip", ConverterZip.DEFAULT_DIRECTORY)),
        new EdgeTrust(
            c.text("caCertificateFile", ""), c.text("acmPcaArn", ""), c.list("edgePrincipals")),
        new Retention(
            c.integer("inboundDays", 30),
            c.integer("archiveGlacierDays", 30),
            c.integer("archiveExpireDays", 0),
            c.integer("outboundDays", 30),
            c.integer("errorsDays", 90),
            c.integer("noncurrentDays", 7),
            c.integer("resultsDays", 30),
            c.integer("originalsDays", 30)),
        c.integer("archiveLockDays", 0),
        c.integer("maxConcurrency", 10),
        c.integer("maxInboundAgeSeconds", 300),
        c.integer("edgeSilentMinutes", 60),
        c.text("alarmEmail", ""),
        VendorsFile.read(Path.of(c.text("vendorsFile", ""))));
  }

  /** Queue name of the inbound FIFO queue. */
  public String inboundQueueName() {
    return namePrefix + "-inbound.fifo";
  }

  /** Queue name of the receipts FIFO queue every edge sends delivery receipts to. */
  public String receiptsQueueName() {
    return namePrefix + "-receipts.fifo";
  }

  /** Queue name of one site's outbound FIFO queue. */
  public String outboundQueueName(String site) {
    return namePrefix + "-outbound-" + site + ".fifo";
  }

  /** The converter's {@code FERRY_OUTBOUND_QUEUE}: the outbound name with {@code {site}}. */
  public String outboundQueuePattern() {
    return outboundQueueName("{site}");
  }

  /** Standard queue a vendor submits results to: {@code {prefix}-results-{vendor}}. */
  public String resultsQueueName(String vendor) {
    return namePrefix + "-results-" + vendor;
  }

  /** The converter's {@code FERRY_RESULTS_QUEUE}: the results queue name with {@code {vendor}}. */
  public String resultsQueuePattern() {
    return resultsQueueName("{vendor}");
  }

  /** FIFO queue made in this stack for a vendor's SQS destination without a queue ARN. */
  public String vendorQueueName(String destination) {
    return namePrefix + "-vendor-" + destination + ".fifo";
  }

  /** The role a vendor assumes: {@code {prefix}-vendor-{vendor}}. */
  public String vendorRoleName(String vendor) {
    return namePrefix + "-vendor-" + vendor;
  }

  /** Dead-letter queue name of a FIFO queue name ({@code x.fifo} to {@code x-dlq.fifo}). */
  public static String deadLetterName(String fifoName) {
    return fifoName.substring(0, fifoName.length() - ".fifo".length()) + "-dlq.fifo";
  }

  static void check(String key, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          key + ": " + value + " is outside " + min + ".." + max + " (-c " + key + "=N)");
    }
  }

  /** Lists of sites etc. in context are comma separated text or JSON arrays. */
  static List<String> split(Object value) {
    List<String> out = new ArrayList<>();
    if (value instanceof List<?> list) {
      list.forEach(item -> out.add(String.valueOf(item).trim()));
    } else if (value != null) {
      for (String part : String.valueOf(value).split(",")) {
        out.add(part.trim());
      }
    }
    out.removeIf(String::isEmpty);
    return out;
  }
}
