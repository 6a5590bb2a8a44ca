package dev.hl7ferry.converter.result;

import dev.hl7ferry.contract.result.ResultEnvelope;
import dev.hl7ferry.converter.route.RouteTable;
import dev.hl7ferry.converter.route.Vendor;
import java.util.Locale;
import java.util.Set;

/**
 * What a vendor's result may ask, whoever wrote it: a site the routes file lets the vendor write to
 * (and, when the deployment sets {@code FERRY_VENDOR_SITES_{VENDOR}}, that list as well: the stack
 * bounds what a routes file can grant), and a claim check only into this function's bucket under
 * {@code results/{vendor}/}. Messages name the rule, the vendor and the site, never a payload
 * value.
 */
public final class ResultRules {
  private ResultRules() {}

  /**
   * The first rule {@code result} from {@code vendor} breaks, or null when it may be used.
   *
   * @param deployedSites the sites the deployment allows the vendor, null when it sets none
   */
  public static String problem(
      String vendor,
      ResultEnvelope result,
      RouteTable routes,
      Set<String> deployedSites,
      String bucket,
      long maxBytes) {
    Vendor known = routes.vendors().get(vendor);
    if (known == null) {
      return "vendor " + vendor + " is not in the routes file's vendors";
    }
    if (!known.mayWrite(result.site())) {
      return "vendor " + vendor + " may not write to site " + result.site();
    }
    if (deployedSites != null && !deployedSites.contains(result.site())) {
      return "vendor "
          + vendor
          + " may not write to site "
          + result.site()
          + " (not in the deployment's FERRY_VENDOR_SITES_"
          + vendor.toUpperCase(Locale.ROOT).replace('-', '_')
          + ")";
    }
    if (result.size() > maxBytes) {
      return "result payload of "
          + result.size()
          + " bytes exceeds FERRY_MAX_INPUT_BYTES ("
          + maxBytes
          + ")";
    }
    if (result.inline()) {
      return null;
    }
    if (!bucket.equals(result.bucket())) {
      return "result.bucket is not this function's bucket";
    }
    String prefix = claimCheckPrefix(vendor);
    if (!result.key().startsWith(prefix)
        || result.key().length() == prefix.length()
        || result.key().contains("..")) {
      return "result.key is not under " + prefix;
    }
    return null;
  }

  /** Where a vendor puts a claim-checked result payload: {@code results/{vendor}/}. */
  public static String claimCheckPrefix(String vendor) {
    return "results/" + vendor + "/";
  }
}
