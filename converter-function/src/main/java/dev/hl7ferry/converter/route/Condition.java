package dev.hl7ferry.converter.route;

import dev.hl7ferry.core.message.Hl7Message;
import dev.hl7ferry.core.path.Hl7Path;
import java.util.List;

/**
 * One predicate over a message: the decoded value at {@code path} compared by {@code operator}. For
 * {@link Operator#EXISTS} the single value is "true" or "false" (is the value non-empty?).
 *
 * @param field the key as written in the routes file (a header alias or an HL7 path)
 */
public record Condition(String field, Hl7Path path, Operator operator, List<String> values) {

  public Condition {
    values = List.copyOf(values);
  }

  /** Whether the message satisfies this condition. */
  public boolean test(Hl7Message message) {
    String value = message.get(path);
    switch (operator) {
      case EQUALS:
        return value.equals(values.get(0));
      case IN:
        return values.contains(value);
      case PREFIX:
        return value.startsWith(values.get(0));
      case EXISTS:
        return value.isEmpty() != Boolean.parseBoolean(values.get(0));
      default:
        throw new IllegalStateException("unknown operator " + operator);
    }
  }
}
