package dev.hl7ferry.converter.route;

import dev.hl7ferry.core.message.Hl7Message;
import java.util.ArrayList;
import java.util.List;

/** The routes file: routes in order, how matches combine, and what happens to unmatched input. */
public record RouteTable(MatchMode mode, UnmatchedPolicy unmatched, List<Route> routes) {

  public RouteTable {
    routes = List.copyOf(routes);
  }

  /** The routes that apply to {@code message}, in file order; empty when none matches. */
  public List<Route> select(Hl7Message message) {
    List<Route> out = new ArrayList<>(1);
    for (Route r : routes) {
      if (r.matches(message)) {
        out.add(r);
        if (mode == MatchMode.FIRST_MATCH) {
          break;
        }
      }
    }
    return out;
  }
}
