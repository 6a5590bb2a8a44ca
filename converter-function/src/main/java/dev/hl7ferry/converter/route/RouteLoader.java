package dev.hl7ferry.converter.route;

import dev.hl7ferry.converter.destination.CloudDestination;
import dev.hl7ferry.converter.route.RoutesFile.RouteEntry;
import dev.hl7ferry.converter.route.RoutesFile.VendorEntry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a routes file (YAML) into {@link RoutesFile} with Jackson ({@link YamlBinding}) and
 * validates it into a {@link RouteTable}: routes ({@link ConditionReader}), cloud destinations
 * ({@link CloudDestinationReader}) and vendors. Every error names the file and the key, e.g. {@code
 * routes.yaml: routes[2].when[0]: unknown key 'equal'}. See the module README for the format.
 */
public final class RouteLoader {
  /** A vendor becomes the suffix of a queue name (80 characters at most in SQS). */
  private static final Pattern VENDOR = Pattern.compile("[A-Za-z0-9_-]{1,60}");

  private static final Pattern SITE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private final Problems problems;
  private final Map<String, String> env;

  private RouteLoader(String file, Map<String, String> env) {
    this.problems = new Problems(file);
    this.env = env;
  }

  /** Parses {@code yaml} with {@code ${NAME}} resolved from this process's environment. */
  public static RouteTable parse(String file, String yaml) throws RouteConfigException {
    return parse(file, yaml, System.getenv());
  }

  /** Parses {@code yaml}; {@code file} names it in error messages, {@code env} resolves ${NAME}. */
  public static RouteTable parse(String file, String yaml, Map<String, String> env)
      throws RouteConfigException {
    return new RouteLoader(file, env).read(yaml);
  }

  private RouteTable read(String yaml) throws RouteConfigException {
    RoutesFile bound = YamlBinding.read(yaml, problems);
    if (bound.version() != null && bound.version() != 1) {
      throw problems.fail("version", "only version 1 is understood");
    }
    MatchMode mode = enumValue(bound.mode(), "mode", MatchMode.class, MatchMode.FIRST_MATCH);
    UnmatchedPolicy unmatched =
        enumValue(
            bound.unmatched(), "unmatched", UnmatchedPolicy.class, UnmatchedPolicy.RECORD_AND_DROP);
    if (bound.routes() == null) {
      throw problems.fail("routes", "expected a list of routes");
    }
    Map<String, CloudDestination> clouds =
        new CloudDestinationReader(problems, env).read(bound.cloudDestinations());
    ConditionReader conditions = new ConditionReader(problems);
    List<Route> routes = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < bound.routes().size(); i++) {
      Route route = route(bound.routes().get(i), "routes[" + i + "]", conditions);
      if (!names.add(route.name())) {
        throw problems.fail(
            "routes[" + i + "].name", "duplicate route name '" + route.name() + "'");
      }
      routes.add(route);
    }
    return new RouteTable(mode, unmatched, routes, clouds, vendors(bound.vendors()));
  }

  private Route route(RouteEntry entry, String at, ConditionReader reader)
      throws RouteConfigException {
    if (entry == null) {
      throw problems.fail(at, "expected a map");
    }
    String name = problems.safe(problems.required(entry.name(), at + ".name"), at + ".name");
    String template = problems.required(entry.template(), at + ".template");
    if (template.startsWith("/") || template.contains("..")) {
      throw problems.fail(at + ".template", "must be a name inside the template store");
    }
    if (entry.destinations() == null || entry.destinations().isEmpty()) {
      throw problems.fail(at + ".destinations", "expected a non-empty list");
    }
    List<String> destinations = new ArrayList<>();
    for (int d = 0; d < entry.destinations().size(); d++) {
      String where = at + ".destinations[" + d + "]";
      destinations.add(problems.safe(problems.required(entry.destinations().get(d), where), where));
    }
    List<Condition> conditions = new ArrayList<>();
    if (entry.when() != null) {
      for (int c = 0; c < entry.when().size(); c++) {
        conditions.add(reader.condition(entry.when().get(c), at + ".when[" + c + "]"));
      }
    }
    return new Route(name, conditions, template, destinations);
  }

  private Map<String, Vendor> vendors(Map<String, VendorEntry> entries)
      throws RouteConfigException {
    Map<String, Vendor> out = new LinkedHashMap<>();
    if (entries == null) {
      return out;
    }
    for (Map.Entry<String, VendorEntry> e : entries.entrySet()) {
      String at = "vendors." + e.getKey();
      if (!VENDOR.matcher(e.getKey()).matches()) {
        throw problems.fail(
            at, "a vendor name must be 1-60 of A-Z a-z 0-9 _ - (it ends a queue name)");
      }
      if (e.getValue() == null || e.getValue().sites() == null || e.getValue().sites().isEmpty()) {
        throw problems.fail(at + ".sites", "expected a non-empty list of sites");
      }
      List<String> sites = e.getValue().sites();
      for (int i = 0; i < sites.size(); i++) {
        if (sites.get(i) == null || !SITE.matcher(sites.get(i)).matches()) {
          throw problems.fail(
              at + ".sites[" + i + "]", "expected a site name (1-64 of A-Z a-z 0-9 _ -)");
        }
      }
      out.put(e.getKey(), new Vendor(e.getKey(), Set.copyOf(sites)));
    }
    return out;
  }

  private <E extends Enum<E>> E enumValue(String value, String key, Class<E> type, E fallback)
      throws RouteConfigException {
    if (value == null) {
      return fallback;
    }
    String text = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(text)) {
        return e;
      }
    }
    List<String> allowed = new ArrayList<>();
    for (E e : type.getEnumConstants()) {
      allowed.add(e.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }
    throw problems.fail(key, "'" + value + "' is not one of " + allowed);
  }
}
