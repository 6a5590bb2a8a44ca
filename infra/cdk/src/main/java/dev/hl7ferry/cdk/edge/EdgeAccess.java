package dev.hl7ferry.cdk.edge;

import dev.hl7ferry.cdk.settings.EdgeTrust;
import dev.hl7ferry.cdk.settings.FerrySettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.AccountRootPrincipal;
import software.amazon.awscdk.services.iam.ArnPrincipal;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.IPrincipal;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.rolesanywhere.CfnProfile;
import software.amazon.awscdk.services.rolesanywhere.CfnTrustAnchor;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

/**
 * One IAM role per edge site, allowed only its own prefixes and queues, and how edges take it: an
 * IAM Roles Anywhere trust anchor and profile (an X.509 certificate per site, no long-lived keys on
 * hospital servers) and/or named principals.
 */
public final class EdgeAccess extends Construct {
  private static final String ROLES_ANYWHERE = "rolesanywhere.amazonaws.com";

  private final Map<String, Role> roles = new LinkedHashMap<>();
  private final Map<String, ManagedPolicy> policies = new LinkedHashMap<>();
  private CfnTrustAnchor trustAnchor;
  private CfnProfile profile;

  /** What a site's role may touch. */
  public record Resources(
      IKey key, IBucket bucket, IQueue inbound, IQueue receipts, Map<String, IQueue> outbound) {}

  public EdgeAccess(Construct scope, String id, FerrySettings settings, Resources resources) {
    super(scope, id);
    EdgeTrust trust = settings.trust();
    if (trust.rolesAnywhere()) {
      trustAnchor = trustAnchor(trust);
    }
    for (String site : settings.sites()) {
      Role role =
          Role.Builder.create(this, "Role-" + site)
              .description("HL7 Ferry edge of site " + site)
              .assumedBy(trustedBy(trust, site))
              .build();
      addTrust(role, trust, site);
      ManagedPolicy policy =
          ManagedPolicy.Builder.create(this, "Policy-" + site)
              .description("HL7 Ferry edge of site " + site + ": its own prefixes and queues")
              .roles(List.of(role))
              .statements(EdgePolicy.statements(site, settings, resources))
              .build();
      roles.put(site, role);
      policies.put(site, policy);
    }
    if (trustAnchor != null) {
      profile =
          CfnProfile.Builder.create(this, "Profile")
              .name(settings.namePrefix() + "-edges")
              .enabled(true)
              .durationSeconds(3600)
              .roleArns(roles.values().stream().map(Role::getRoleArn).toList())
              .build();
    }
  }

  private CfnTrustAnchor trustAnchor(EdgeTrust trust) {
    CfnTrustAnchor.SourceDataProperty data;
    String type;
    if (!trust.acmPcaArn().isEmpty()) {
      type = "AWS_ACM_PCA";
      data = CfnTrustAnchor.SourceDataProperty.builder().acmPcaArn(trust.acmPcaArn()).build();
    } else {
      type = "CERTIFICATE_BUNDLE";
      data =
          CfnTrustAnchor.SourceDataProperty.builder()
              .x509CertificateData(readPem(Path.of(trust.caCertificateFile())))
              .build();
    }
    return CfnTrustAnchor.Builder.create(this, "TrustAnchor")
        .name(Stack.of(this).getStackName() + "-edges")
        .enabled(true)
        .source(CfnTrustAnchor.SourceProperty.builder().sourceType(type).sourceData(data).build())
        .build();
  }

  private static String readPem(Path file) {
    try {
      String pem = Files.readString(file).trim();
      if (!pem.startsWith("-----BEGIN CERTIFICATE-----")) {
        throw new IllegalArgumentException(
            "caCertificateFile: " + file + " is not a PEM certificate");
      }
      return pem;
    } catch (IOException e) {
      throw new IllegalArgumentException("caCertificateFile: cannot read " + file, e);
    }
  }

  /**
   * The trust policy: Roles Anywhere only through this deployment's anchor and only for the
   * certificate whose subject CN names the site (another site's certificate cannot take this role),
   * and/or each named principal; with neither, the account itself.
   */
  private IPrincipal trustedBy(EdgeTrust trust, String site) {
    if (trustAnchor != null) {
      return new ServicePrincipal(ROLES_ANYWHERE).withConditions(anchorConditions(site));
    }
    if (!trust.principals().isEmpty()) {
      return new ArnPrincipal(trust.principals().get(0));
    }
    return new AccountRootPrincipal();
  }

  private Map<String, Object> anchorConditions(String site) {
    return Map.of(
        "ArnEquals",
        Map.of("aws:SourceArn", trustAnchor.getAttrTrustAnchorArn()),
        "StringEquals",
        Map.of("aws:PrincipalTag/x509Subject/CN", EdgeTrust.commonName(site)));
  }

  private void addTrust(Role role, EdgeTrust trust, String site) {
    PolicyDocument policy = role.getAssumeRolePolicy();
    if (trustAnchor != null) {
      // Roles Anywhere also tags the session with the certificate and sets its source identity.
      policy.addStatements(
          PolicyStatement.Builder.create()
              .effect(Effect.ALLOW)
              .principals(List.of(new ServicePrincipal(ROLES_ANYWHERE)))
              .actions(List.of("sts:TagSession", "sts:SetSourceIdentity"))
              .conditions(anchorConditions(site))
              .build());
    }
    List<String> named = trust.principals();
    // Without an anchor the first named principal is already the role's assumedBy.
    for (String arn :
        trustAnchor != null ? named : named.subList(Math.min(1, named.size()), named.size())) {
      policy.addStatements(
          PolicyStatement.Builder.create()
              .effect(Effect.ALLOW)
              .principals(List.of(new ArnPrincipal(arn)))
              .actions(List.of("sts:AssumeRole"))
              .build());
    }
  }

  /** Site name to its role, in the order of the settings. */
  public Map<String, Role> roles() {
    return Collections.unmodifiableMap(roles);
  }

  /** Site name to its role's policy. */
  public Map<String, ManagedPolicy> policies() {
    return Collections.unmodifiableMap(policies);
  }

  /** The Roles Anywhere trust anchor, or null when no CA was given. */
  public CfnTrustAnchor trustAnchor() {
    return trustAnchor;
  }

  /** The Roles Anywhere profile, or null when no CA was given. */
  public CfnProfile profile() {
    return profile;
  }
}
