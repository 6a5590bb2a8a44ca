package dev.hl7ferry.cdk.edgeconfig;

/**
 * What one site's edge needs from a deployment, as the stack's {@code EdgeSite*} output holds it.
 * {@code trustAnchorArn} and {@code profileArn} are empty when no Roles Anywhere CA was given.
 */
public record SiteEdge(
    String site,
    String region,
    String bucket,
    String kmsKeyArn,
    String inboundQueueUrl,
    String outboundQueueUrl,
    String receiptsQueueUrl,
    String roleArn,
    String trustAnchorArn,
    String profileArn,
    int archiveLockDays) {

  /** Whether the edge takes its role with a certificate through IAM Roles Anywhere. */
  public boolean rolesAnywhere() {
    return !trustAnchorArn.isEmpty();
  }
}
