package dev.hl7ferry.converter.route;

import dev.hl7ferry.core.message.Hl7Message;
import dev.hl7ferry.core.path.Hl7Path;
import java.util.List;

/**
 * One predicate: the decoded value at {@code path} (or the envelope's {@code attribute}) compared
 * by {@code operator}. For {@link Operator#EXISTS} the single value is "true" or "false" (is the
 * value non-empty?).
 *
 * @param field the key as written in the routes file (a header alias, attribute or HL7 path)
 * @param path the HL7 path, or null when the condition reads an attribute
 * @param attribute the envelope attribute, or null when the condition reads the message
 */
public record Condition(
    String field, Hl7Path path, Attribute attribute, Operator operator, List<String> values) {

  public Condition {
    values = List.copyOf(values);
  }

  /** A condition on the message. */
  public Condition(String field, Hl7Path path, Operator operator, List<String> values) {
    this(field, path, null, operator, values);
  }

  /** Whether the message satisfies this condition (an attribute reads as ""). */
  public boolean test(Hl7Message message) {
    return test(RouteInput.inbound(message, null));
  }

  /** Whether {@code input} satisfies this condition. */
  public boolean test(RouteInput input) {
    String value = path != null ? input.message().get(path) : input.attribute(attribute);
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

  /** Whether this condition only makes sense for results. */
  boolean aboutResults() {
    return attribute == Attribute.RESULT_TYPE || attribute == Attribute.VENDOR;
  }
}
