package dev.hl7ferry.converter.route;

import dev.hl7ferry.core.message.Hl7Message;
import java.util.List;

/**
 * A named rule: when every condition holds, render {@code template} for each destination.
 *
 * @param name used in output keys and deduplication ids, so it is key-safe
 * @param template store name of the template, e.g. {@code hospital-a/oru.hl7.liquid}
 */
public record Route(
    String name, List<Condition> conditions, String template, List<String> destinations) {

  public Route {
    conditions = List.copyOf(conditions);
    destinations = List.copyOf(destinations);
  }

  /** Whether every condition holds (a route without conditions matches everything). */
  public boolean matches(Hl7Message message) {
    for (Condition c : conditions) {
      if (!c.test(message)) {
        return false;
      }
    }
    return true;
  }
}
