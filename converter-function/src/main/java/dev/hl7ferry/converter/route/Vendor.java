package dev.hl7ferry.converter.route;

import java.util.Set;

/**
 * One entry of the routes file's {@code vendors}: the sites a vendor's results may be for.
 *
 * @param name the vendor, the suffix of its results queue {@code hl7-ferry-results-{name}}
 */
public record Vendor(String name, Set<String> sites) {

  public Vendor {
    sites = Set.copyOf(sites);
  }

  /** Whether this vendor may submit results for {@code site}. */
  public boolean mayWrite(String site) {
    return sites.contains(site);
  }
}
