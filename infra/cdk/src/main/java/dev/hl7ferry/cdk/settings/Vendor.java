package dev.hl7ferry.cdk.settings;

import java.util.List;

/**
 * An AI-result vendor: who may take its role, the sites it may submit results for and where the
 * converter sends it messages. Validated by {@link VendorsFile}, which knows the keys.
 *
 * @param name 1-40 of {@code a-z 0-9 -}: its results queue {@code {prefix}-results-{name}} and role
 *     {@code {prefix}-vendor-{name}}
 * @param principal the vendor's AWS account id or an IAM role/user ARN that may assume its role
 * @param externalId the {@code sts:ExternalId} the vendor must pass when it assumes the role
 * @param sites the sites it may submit results for (each one of the stack's sites)
 * @param destinations where the converter delivers the vendor's messages
 */
public record Vendor(
    String name,
    String principal,
    String externalId,
    List<String> sites,
    List<VendorDestination> destinations) {

  public Vendor {
    sites = List.copyOf(sites);
    destinations = List.copyOf(destinations);
  }

  /** Whether {@link #principal} is a bare account id (else an IAM ARN). */
  public boolean principalIsAccount() {
    return principal.matches("\\d{12}");
  }

  /** The vendor's name as it appears in environment variable names ({@code acme-ai}: ACME_AI). */
  public String envName() {
    return VendorDestination.envPart(name);
  }
}
