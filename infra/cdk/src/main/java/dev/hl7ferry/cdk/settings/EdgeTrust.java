package dev.hl7ferry.cdk.settings;

import java.util.List;

/**
 * Who may take a site's edge role. With a CA (a PEM bundle file or an ACM Private CA) an IAM Roles
 * Anywhere trust anchor and profile are made and each role trusts only certificates whose subject
 * CN is {@code ferry-edge-{site}}; named principals (role or user ARNs) may be given as well. With
 * neither, the roles trust the account itself: only identities the account's own IAM policies allow
 * to call {@code sts:AssumeRole} on them.
 *
 * @param caCertificateFile PEM file of the CA(s) that sign edge certificates, or empty
 * @param acmPcaArn ARN of an ACM Private CA that signs them, or empty
 * @param principals ARNs that may assume every edge role
 */
public record EdgeTrust(String caCertificateFile, String acmPcaArn, List<String> principals) {

  public EdgeTrust {
    principals = List.copyOf(principals);
    if (!caCertificateFile.isEmpty() && !acmPcaArn.isEmpty()) {
      throw new IllegalArgumentException("caCertificateFile and acmPcaArn: give one, not both");
    }
    for (String arn : principals) {
      if (!arn.startsWith("arn:")) {
        throw new IllegalArgumentException("edgePrincipals: '" + arn + "' is not an ARN");
      }
    }
  }

  /** Whether an IAM Roles Anywhere trust anchor is made. */
  public boolean rolesAnywhere() {
    return !caCertificateFile.isEmpty() || !acmPcaArn.isEmpty();
  }

  /** The certificate subject CN that may take a site's role through Roles Anywhere. */
  public static String commonName(String site) {
    return "ferry-edge-" + site;
  }
}
