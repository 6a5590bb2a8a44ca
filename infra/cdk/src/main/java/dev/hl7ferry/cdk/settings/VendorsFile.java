package dev.hl7ferry.cdk.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.hl7ferry.cdk.settings.VendorDestination.Type;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads the vendors YAML named by context {@code vendorsFile} into {@link Vendor} records; every
 * refusal names the key ({@code vendors.acme-ai.destinations.acme-inbox.queueArn: ...}). The format
 * is in DEPLOY.md; an unknown key is refused so that a typo does not silently drop a permission.
 */
public final class VendorsFile {
  /** Vendor and destination names: they end up in queue, role and environment variable names. */
  static final Pattern NAME = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?");

  private static final String PARTITION = "arn:aws[a-z-]*:";
  private static final String REGION_ACCOUNT = ":[a-z0-9-]+:\\d{12}:";
  private static final Pattern ACCOUNT_OR_ARN =
      Pattern.compile("\\d{12}|" + PARTITION + "iam::\\d{12}:(root|role/\\S+|user/\\S+)");
  private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]{2,1224}");
  private static final Pattern QUEUE_ARN =
      Pattern.compile(PARTITION + "sqs" + REGION_ACCOUNT + "[A-Za-z0-9_-]{1,75}(\\.fifo)?");
  private static final Pattern BUS_ARN =
      Pattern.compile(PARTITION + "events" + REGION_ACCOUNT + "event-bus/[A-Za-z0-9._/-]{1,256}");
  private static final Pattern SECRET_ARN =
      Pattern.compile(
          PARTITION + "secretsmanager" + REGION_ACCOUNT + "secret:[A-Za-z0-9/_+=.@-]+-\\w{6}");
  private static final Pattern KEY_ARN =
      Pattern.compile(PARTITION + "kms" + REGION_ACCOUNT + "key/[A-Za-z0-9-]{1,64}");
  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
  private static final Pattern PREFIX = Pattern.compile("[^*?\\s/][^*?\\s]{0,511}|");

  private static final Map<Type, Set<String>> KEYS =
      Map.of(
          Type.SQS, Set.of("type", "queueArn", "kmsKeyArn"),
          Type.EVENTBRIDGE, Set.of("type", "busArn"),
          Type.S3, Set.of("type", "bucket", "prefix", "kmsKeyArn"),
          Type.HTTPS, Set.of("type", "url", "secretArn", "kmsKeyArn"));

  private final Path file;

  private VendorsFile(Path file) {
    this.file = file;
  }

  /** The vendors of {@code file}; an empty path means none. */
  public static List<Vendor> read(Path file) {
    if (file.toString().isEmpty()) {
      return List.of();
    }
    JsonNode root;
    try {
      root = new YAMLMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new IllegalArgumentException("vendorsFile: cannot read " + file + ": " + e, e);
    }
    return new VendorsFile(file).vendors(root);
  }

  private List<Vendor> vendors(JsonNode root) {
    if (root == null || root.isMissingNode() || root.isNull()) {
      return List.of();
    }
    onlyKeys(root, "", Set.of("vendors"));
    List<Vendor> out = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : entries(root.path("vendors"), "vendors")) {
      String name = e.getKey();
      String at = "vendors." + name;
      if (!NAME.matcher(name).matches()) {
        throw refuse(
            "vendors", "'" + name + "' must be 1-40 of a-z 0-9 -, not starting or ending with -");
      }
      JsonNode v = e.getValue();
      onlyKeys(v, at, Set.of("principal", "externalId", "sites", "destinations"));
      List<String> sites = new ArrayList<>();
      JsonNode siteList = v.path("sites");
      if (!siteList.isArray() || siteList.isEmpty()) {
        throw refuse(at + ".sites", "a list of at least one site is required");
      }
      siteList.forEach(s -> sites.add(s.asText()));
      List<VendorDestination> destinations = new ArrayList<>();
      for (Map.Entry<String, JsonNode> d : entries(v.path("destinations"), at + ".destinations")) {
        destinations.add(destination(d.getKey(), d.getValue(), at + ".destinations." + d.getKey()));
      }
      out.add(
          new Vendor(
              name,
              text(v, at, "principal", ACCOUNT_OR_ARN, "an AWS account id or an IAM role/user ARN"),
              text(v, at, "externalId", EXTERNAL_ID, "2-1224 of A-Z a-z 0-9 + = , . @ : / - _"),
              sites,
              destinations));
    }
    return out;
  }

  private VendorDestination destination(String name, JsonNode d, String at) {
    if (!NAME.matcher(name).matches()) {
      throw refuse(at, "the name must be 1-40 of a-z 0-9 -, not starting or ending with -");
    }
    Type type;
    try {
      type = Type.valueOf(d.path("type").asText("").toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw refuse(
          at + ".type", "'" + d.path("type").asText("") + "' is not sqs, eventbridge, s3 or https");
    }
    onlyKeys(d, at, KEYS.get(type));
    String url = optional(d, at, "url", Pattern.compile("https://\\S+"), "an https:// URL");
    if (type == Type.HTTPS) {
      required(url, at + ".url");
      try {
        if (new URI(url).getHost() == null) {
          throw refuse(at + ".url", "'" + url + "' names no host");
        }
      } catch (URISyntaxException e) {
        throw refuse(at + ".url", "'" + url + "' is not a URL");
      }
    }
    VendorDestination out =
        new VendorDestination(
            name,
            type,
            optional(d, at, "queueArn", QUEUE_ARN, "an SQS queue ARN"),
            optional(d, at, "busArn", BUS_ARN, "an EventBridge event bus ARN"),
            optional(d, at, "bucket", BUCKET, "an S3 bucket name"),
            optional(d, at, "prefix", PREFIX, "a key prefix without * ? blanks or a leading /"),
            url,
            optional(
                d,
                at,
                "secretArn",
                SECRET_ARN,
                "a full Secrets Manager secret ARN (with its" + " 6-character suffix)"),
            optional(d, at, "kmsKeyArn", KEY_ARN, "a KMS key ARN"));
    switch (type) {
      case EVENTBRIDGE -> required(out.busArn(), at + ".busArn");
      case S3 -> required(out.bucket(), at + ".bucket");
      case HTTPS -> required(out.secretArn(), at + ".secretArn");
      case SQS -> {
        if (out.madeHere() && !out.kmsKeyArn().isEmpty()) {
          throw refuse(at + ".kmsKeyArn", "a queue made in this stack uses the stack's key");
        }
      }
    }
    return out;
  }

  private String text(JsonNode node, String at, String key, Pattern pattern, String what) {
    String value = optional(node, at, key, pattern, what);
    required(value, at + "." + key);
    return value;
  }

  private String optional(JsonNode node, String at, String key, Pattern pattern, String what) {
    JsonNode value = node.path(key);
    if (value.isMissingNode() || value.isNull()) {
      return "";
    }
    if (!value.isValueNode() || !pattern.matcher(value.asText()).matches()) {
      throw refuse(at + "." + key, "'" + value.asText(value.toString()) + "' is not " + what);
    }
    return value.asText();
  }

  private void required(String value, String key) {
    if (value.isEmpty()) {
      throw refuse(key, "is required");
    }
  }

  private void onlyKeys(JsonNode node, String at, Set<String> allowed) {
    if (!node.isObject()) {
      throw refuse(at.isEmpty() ? "vendorsFile" : at, "must be a mapping");
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!allowed.contains(key)) {
        throw refuse(
            (at.isEmpty() ? "" : at + ".") + key,
            "unknown key (known: " + new TreeSet<>(allowed) + ")");
      }
    }
  }

  private List<Map.Entry<String, JsonNode>> entries(JsonNode node, String at) {
    List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
    if (node.isMissingNode() || node.isNull()) {
      return out;
    }
    if (!node.isObject()) {
      throw refuse(at, "must be a mapping of names");
    }
    node.fields().forEachRemaining(out::add);
    return out;
  }

  private IllegalArgumentException refuse(String key, String problem) {
    return new IllegalArgumentException(key + ": " + problem + " (vendorsFile " + file + ")");
  }
}
