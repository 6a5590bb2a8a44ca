package dev.hl7ferry.converter.route;

import java.util.List;
import java.util.Map;

/**
 * The routes file as written, bound by Jackson before {@link RouteLoader} validates it; the
 * component names are the file's keys, so an unknown key fails with the allowed ones listed.
 *
 * @param version format version, 1 when absent
 * @param mode {@code first-match} (default) or {@code fan-out}
 * @param unmatched {@code record-and-drop} (default) or {@code dead-letter}
 * @param cloudDestinations destinations outside the edges, by name
 * @param vendors per vendor the sites its results may be for
 */
record RoutesFile(
    Integer version,
    String mode,
    String unmatched,
    List<RouteEntry> routes,
    Map<String, CloudEntry> cloudDestinations,
    Map<String, VendorEntry> vendors) {

  /** One entry of {@code routes}. */
  record RouteEntry(
      String name, List<ConditionEntry> when, String template, List<String> destinations) {}

  /** One entry of a route's {@code when}: a field and exactly one operator. */
  record ConditionEntry(
      String field, String equals, List<String> in, String prefix, Boolean exists) {}

  /** One entry of {@code cloudDestinations}: a type and the keys of that type. */
  record CloudEntry(
      String type,
      String queueUrl,
      String busName,
      String detailType,
      String source,
      String bucket,
      String prefix,
      String url,
      String secretEnv,
      String secretArn,
      Integer connectTimeoutMs,
      Integer timeoutMs) {}

  /** One entry of {@code vendors}. */
  record VendorEntry(List<String> sites) {}
}
