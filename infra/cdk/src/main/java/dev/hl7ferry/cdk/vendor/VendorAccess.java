package dev.hl7ferry.cdk.vendor;

import dev.hl7ferry.cdk.settings.FerrySettings;
import dev.hl7ferry.cdk.settings.Vendor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.iam.AccountPrincipal;
import software.amazon.awscdk.services.iam.ArnPrincipal;
import software.amazon.awscdk.services.iam.IPrincipal;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.s3.IBucket;
import software.constructs.Construct;

/**
 * One role per vendor, {@code {prefix}-vendor-{vendor}}, assumable only by the vendor's account or
 * principal with its external id, with one customer-managed policy ({@link VendorPolicy}).
 */
public final class VendorAccess extends Construct {
  private final Map<String, Role> roles = new LinkedHashMap<>();
  private final Map<String, ManagedPolicy> policies = new LinkedHashMap<>();

  public VendorAccess(
      Construct scope,
      String id,
      FerrySettings settings,
      VendorResults queues,
      IKey key,
      IBucket bucket) {
    super(scope, id);
    for (Vendor vendor : settings.vendors()) {
      IPrincipal principal =
          vendor.principalIsAccount()
              ? new AccountPrincipal(vendor.principal())
              : new ArnPrincipal(vendor.principal());
      // The external id keeps another customer of the vendor from making it act on this stack.
      Role role =
          Role.Builder.create(this, "Role-" + vendor.name())
              .roleName(settings.vendorRoleName(vendor.name()))
              .description("HL7 Ferry vendor " + vendor.name() + ": submits results")
              .assumedBy(principal)
              .externalIds(List.of(vendor.externalId()))
              .build();
      ManagedPolicy policy =
          ManagedPolicy.Builder.create(this, "Policy-" + vendor.name())
              .description(
                  "HL7 Ferry vendor " + vendor.name() + ": its results queue, prefix, destinations")
              .roles(List.of(role))
              .statements(VendorPolicy.statements(vendor, queues, key, bucket))
              .build();
      roles.put(vendor.name(), role);
      policies.put(vendor.name(), policy);
    }
  }

  /** Vendor name to its role, in the order of the settings. */
  public Map<String, Role> roles() {
    return Collections.unmodifiableMap(roles);
  }

  /** Vendor name to its role's policy. */
  public Map<String, ManagedPolicy> policies() {
    return Collections.unmodifiableMap(policies);
  }
}
