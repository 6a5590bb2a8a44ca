package dev.hl7ferry.converter.route;

import dev.hl7ferry.converter.route.RoutesFile.ConditionEntry;
import dev.hl7ferry.core.path.Hl7Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Validates one {@code when} entry into a {@link Condition}: the field (a header alias, an envelope
 * attribute or an HL7 path) and exactly one operator.
 */
final class ConditionReader {
  /** Header aliases and the MSH field each stands for. */
  private static final Map<String, String> ALIASES =
      Map.of(
          "sending-application", "MSH-3",
          "sending-facility", "MSH-4",
          "receiving-application", "MSH-5",
          "receiving-facility", "MSH-6",
          "message-type", "MSH-9.1",
          "trigger-event", "MSH-9.2",
          "message-structure", "MSH-9.3",
          "processing-id", "MSH-11",
          "version", "MSH-12");

  private final Problems problems;

  ConditionReader(Problems problems) {
    this.problems = problems;
  }

  Condition condition(ConditionEntry entry, String at) throws RouteConfigException {
    if (entry == null) {
      throw problems.fail(at, "expected a map like {field: message-type, equals: ORU}");
    }
    String field = problems.required(entry.field(), at + ".field");
    Attribute attribute = Attribute.of(field);
    Hl7Path path = attribute == null ? path(field, at + ".field") : null;
    List<String> ops = new ArrayList<>();
    if (entry.equals() != null) {
      ops.add("equals");
    }
    if (entry.in() != null) {
      ops.add("in");
    }
    if (entry.prefix() != null) {
      ops.add("prefix");
    }
    if (entry.exists() != null) {
      ops.add("exists");
    }
    if (ops.size() != 1) {
      throw problems.fail(at, "expected exactly one of equals, in, prefix, exists; found " + ops);
    }
    switch (ops.get(0)) {
      case "in":
        if (entry.in().isEmpty() || entry.in().contains(null)) {
          throw problems.fail(at + ".in", "expected a non-empty list");
        }
        return new Condition(field, path, attribute, Operator.IN, entry.in());
      case "exists":
        return new Condition(
            field, path, attribute, Operator.EXISTS, List.of(entry.exists().toString()));
      case "equals":
        return new Condition(field, path, attribute, Operator.EQUALS, List.of(entry.equals()));
      default:
        return new Condition(field, path, attribute, Operator.PREFIX, List.of(entry.prefix()));
    }
  }

  private Hl7Path path(String field, String at) throws RouteConfigException {
    String base = field;
    String component = "";
    int dot = field.indexOf('.');
    if (dot > 0 && ALIASES.containsKey(field.substring(0, dot))) {
      base = field.substring(0, dot);
      component = field.substring(dot);
    }
    String alias = ALIASES.get(base);
    String text = alias == null ? field : alias + component;
    try {
      return Hl7Path.parse(text);
    } catch (IllegalArgumentException e) {
      TreeSet<String> names = new TreeSet<>(ALIASES.keySet());
      for (Attribute a : Attribute.values()) {
        names.add(a.key());
      }
      throw problems.fail(
          at,
          "'"
              + field
              + "' is neither a header name ("
              + String.join(", ", names)
              + ") nor an HL7 path: "
              + e.getMessage(),
          e);
    }
  }
}
