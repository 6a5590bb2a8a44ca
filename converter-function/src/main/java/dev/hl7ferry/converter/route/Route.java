package dev.hl7ferry.converter.route;

import dev.hl7ferry.core.message.Hl7Message;
import java.util.List;

/**
 * A named rule: when every condition holds, render {@code template} for each destination. A route
 * with a condition on {@code result-type} or {@code vendor} applies to vendors' results only, every
 * other route to inbound messages only.
 *
 * @param name used in output keys and deduplication ids, so it is key-safe
 * @param template store name of the template, e.g. {@code hospital-a/oru.hl7.liquid}
 * @param destinations edge destination names and names of the file's cloud destinations
 */
public record Route(
    String name, List<Condition> conditions, String template, List<String> destinations) {

  public Route {
    conditions = List.copyOf(conditions);
    destinations = List.copyOf(destinations);
  }

  /** Whether every condition holds (a route without conditions matches everything). */
  public boolean matches(Hl7Message message) {
    return matches(RouteInput.inbound(message, null));
  }

  /** Whether this route applies to {@code input} and every condition holds. */
  public boolean matches(RouteInput input) {
    if (forResults() != input.isResult()) {
      return false;
    }
    for (Condition c : conditions) {
      if (!c.test(input)) {
        return false;
      }
    }
    return true;
  }

  /** Whether this route matches vendors' results (rather than inbound messages). */
  public boolean forResults() {
    for (Condition c : conditions) {
      if (c.aboutResults()) {
        return true;
      }
    }
    return false;
  }
}
