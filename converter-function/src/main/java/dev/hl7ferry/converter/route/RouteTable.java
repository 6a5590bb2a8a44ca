package dev.hl7ferry.converter.route;

import dev.hl7ferry.converter.destination.CloudDestination;
import dev.hl7ferry.core.message.Hl7Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The routes file: routes in order, how matches combine, what happens to unmatched input, the cloud
 * destinations routes may name, and the sites each vendor may send results for.
 */
public record RouteTable(
    MatchMode mode,
    UnmatchedPolicy unmatched,
    List<Route> routes,
    Map<String, CloudDestination> cloudDestinations,
    Map<String, Vendor> vendors) {

  public RouteTable {
    routes = List.copyOf(routes);
    cloudDestinations = Map.copyOf(cloudDestinations);
    vendors = Map.copyOf(vendors);
  }

  /** A table without cloud destinations or vendors. */
  public RouteTable(MatchMode mode, UnmatchedPolicy unmatched, List<Route> routes) {
    this(mode, unmatched, routes, Map.of(), Map.of());
  }

  /** The routes that apply to {@code message} (an inbound message, site unknown). */
  public List<Route> select(Hl7Message message) {
    return select(RouteInput.inbound(message, null));
  }

  /** The routes that apply to {@code input}, in file order; empty when none matches. */
  public List<Route> select(RouteInput input) {
    List<Route> out = new ArrayList<>(1);
    for (Route r : routes) {
      if (r.matches(input)) {
        out.add(r);
        if (mode == MatchMode.FIRST_MATCH) {
          break;
        }
      }
    }
    return out;
  }

  /** The cloud destination called {@code name}, or null when it is an edge destination. */
  public CloudDestination cloud(String name) {
    return cloudDestinations.get(name);
  }
}
