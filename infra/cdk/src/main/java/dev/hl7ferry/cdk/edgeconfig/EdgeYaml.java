package dev.hl7ferry.cdk.edgeconfig;

/**
 * Writes a site's ready edge configuration: the {@code cloud:} and {@code ship:} keys the edge
 * reads (every other key keeps the edge's default), with the credential set-up and the site's other
 * queues as comments, since the edge's configuration has no keys for them.
 */
public final class EdgeYaml {
  private EdgeYaml() {}

  /** The YAML text for one site. */
  public static String render(SiteEdge edge, String stackName) {
    StringBuilder y = new StringBuilder();
    y.append("# HL7 Ferry edge of site ")
        .append(edge.site())
        .append(", written by scripts/deploy from the outputs of stack ")
        .append(stackName)
        .append(".\n")
        .append("# Start: ferry-edge run --config edge-")
        .append(edge.site())
        .append(".yaml (keys not written here keep their defaults).\n#\n")
        .append("# Credentials are not in this file: the AWS SDK's default chain finds them. Put\n")
        .append("# this profile in ~/.aws/config of the edge's service user and set")
        .append(" AWS_PROFILE=hl7-ferry:\n#\n")
        .append("#   [profile hl7-ferry]\n");
    if (edge.rolesAnywhere()) {
      y.append("#   credential_process = aws_signing_helper credential-process")
          .append(" --certificate /etc/hl7-ferry/edge.pem --private-key /etc/hl7-ferry/edge.key")
          .append(" --trust-anchor-arn ")
          .append(edge.trustAnchorArn())
          .append(" --profile-arn ")
          .append(edge.profileArn())
          .append(" --role-arn ")
          .append(edge.roleArn())
          .append("\n#\n# The certificate's subject CN must be ferry-edge-")
          .append(edge.site())
          .append(" (the role trusts no other).\n");
    } else {
      y.append("#   role_arn = ")
          .append(edge.roleArn())
          .append("\n#   source_profile = (a profile of a principal the role trusts)\n");
    }
    y.append("#\n# This site's outbound queue (converter outputs): ")
        .append(edge.outboundQueueUrl())
        .append("\n# Delivery receipts queue (MessageGroupId = site): ")
        .append(edge.receiptsQueueUrl())
        .append("\n");
    if (edge.archiveLockDays() > 0) {
      y.append("# Object Lock is on: archive/")
          .append(edge.site())
          .append("/ objects may be locked for up to ")
          .append(edge.archiveLockDays())
          .append(" days.\n");
    }
    y.append("\ncloud:\n")
        .append("  region: ")
        .append(quote(edge.region()))
        .append("\nship:\n")
        .append("  enabled: true\n")
        .append("  site: ")
        .append(quote(edge.site()))
        .append("\n  bucket: ")
        .append(quote(edge.bucket()))
        .append("\n  queueUrl: ")
        .append(quote(edge.inboundQueueUrl()))
        .append("\n  encryption: kms\n")
        .append("  kmsKeyId: ")
        .append(quote(edge.kmsKeyArn()))
        .append("\n")
        .append("outbound:\n")
        .append("  queueUrl: ")
        .append(quote(edge.outboundQueueUrl()))
        .append("\n  receiptsQueueUrl: ")
        .append(quote(edge.receiptsQueueUrl()))
        .append("\n  # Delivery is off until the hospital's destinations are listed here, e.g.\n")
        .append("  # destinations:\n")
        .append("  #   lis: {type: mllp, host: 10.1.2.3, port: 2575}\n")
        .append("  #   pacs-import: {type: file, dir: /var/lib/hl7-ferry/pacs-import}\n");
    return y.toString();
  }

  /** A YAML double-quoted scalar. */
  static String quote(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\x%02x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
