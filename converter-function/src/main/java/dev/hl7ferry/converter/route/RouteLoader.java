package dev.hl7ferry.converter.route;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.hl7ferry.core.path.Hl7Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and validates a routes file (YAML). Every error names the file and the key, e.g. {@code
 * routes.yaml: routes[2].when[0]: unknown key 'equal'}. See the module README for the format.
 */
public final class RouteLoader {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

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

  private final String file;

  private RouteLoader(String file) {
    this.file = file;
  }

  /** Parses {@code yaml}; {@code file} names it in error messages. */
  public static RouteTable parse(String file, String yaml) throws RouteConfigException {
    return new RouteLoader(file).read(yaml);
  }

  private RouteTable read(String yaml) throws RouteConfigException {
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      throw new RouteConfigException(file + ": not valid YAML: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw fail("(top)", "expected a map with 'routes'");
    }
    allowKeys(root, "(top)", "version", "mode", "unmatched", "routes");
    if (root.has("version") && root.get("version").asInt() != 1) {
      throw fail("version", "only version 1 is understood");
    }
    MatchMode mode = enumValue(root, "mode", MatchMode.class, MatchMode.FIRST_MATCH);
    UnmatchedPolicy unmatched =
        enumValue(root, "unmatched", UnmatchedPolicy.class, UnmatchedPolicy.RECORD_AND_DROP);
    JsonNode list = root.get("routes");
    if (list == null || !list.isArray()) {
      throw fail("routes", "expected a list of routes");
    }
    List<Route> routes = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      Route route = route(list.get(i), "routes[" + i + "]");
      if (!names.add(route.name())) {
        throw fail("routes[" + i + "].name", "duplicate route name '" + route.name() + "'");
      }
      routes.add(route);
    }
    return new RouteTable(mode, unmatched, routes);
  }

  private Route route(JsonNode node, String at) throws RouteConfigException {
    if (!node.isObject()) {
      throw fail(at, "expected a map");
    }
    allowKeys(node, at, "name", "when", "template", "destinations");
    String name = safe(requiredText(node, "name", at), at + ".name");
    String template = requiredText(node, "template", at);
    if (template.startsWith("/") || template.contains("..")) {
      throw fail(at + ".template", "must be a name inside the template store");
    }
    List<String> destinations = new ArrayList<>();
    JsonNode dests = node.get("destinations");
    if (dests == null || !dests.isArray() || dests.isEmpty()) {
      throw fail(at + ".destinations", "expected a non-empty list");
    }
    for (int d = 0; d < dests.size(); d++) {
      destinations.add(safe(dests.get(d).asText(), at + ".destinations[" + d + "]"));
    }
    List<Condition> conditions = new ArrayList<>();
    JsonNode when = node.get("when");
    if (when != null && !when.isNull()) {
      if (!when.isArray()) {
        throw fail(at + ".when", "expected a list of conditions");
      }
      for (int c = 0; c < when.size(); c++) {
        conditions.add(condition(when.get(c), at + ".when[" + c + "]"));
      }
    }
    return new Route(name, conditions, template, destinations);
  }

  private Condition condition(JsonNode node, String at) throws RouteConfigException {
    if (!node.isObject()) {
      throw fail(at, "expected a map like {field: message-type, equals: ORU}");
    }
    allowKeys(node, at, "field", "equals", "in", "prefix", "exists");
    String field = requiredText(node, "field", at);
    Hl7Path path = path(field, at + ".field");
    List<String> ops = new ArrayList<>();
    for (String op : List.of("equals", "in", "prefix", "exists")) {
      if (node.has(op)) {
        ops.add(op);
      }
    }
    if (ops.size() != 1) {
      throw fail(at, "expected exactly one of equals, in, prefix, exists; found " + ops);
    }
    String op = ops.get(0);
    JsonNode value = node.get(op);
    switch (op) {
      case "in":
        if (!value.isArray() || value.isEmpty()) {
          throw fail(at + ".in", "expected a non-empty list");
        }
        List<String> values = new ArrayList<>();
        value.forEach(v -> values.add(v.asText()));
        return new Condition(field, path, Operator.IN, values);
      case "exists":
        if (!value.isBoolean()) {
          throw fail(at + ".exists", "expected true or false");
        }
        return new Condition(field, path, Operator.EXISTS, List.of(value.asText()));
      default:
        if (!value.isValueNode() || value.isNull()) {
          throw fail(at + "." + op, "expected a single value");
        }
        return new Condition(
            field,
            path,
            op.equals("equals") ? Operator.EQUALS : Operator.PREFIX,
            List.of(value.asText()));
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
      throw fail(
          at,
          "'"
              + field
              + "' is neither a header name ("
              + String.join(", ", new java.util.TreeSet<>(ALIASES.keySet()))
              + ") nor an HL7 path: "
              + e.getMessage());
    }
  }

  private <E extends Enum<E>> E enumValue(JsonNode root, String key, Class<E> type, E fallback)
      throws RouteConfigException {
    JsonNode v = root.get(key);
    if (v == null || v.isNull()) {
      return fallback;
    }
    String text = v.asText().trim().toUpperCase(Locale.ROOT).replace('-', '_');
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(text)) {
        return e;
      }
    }
    List<String> allowed = new ArrayList<>();
    for (E e : type.getEnumConstants()) {
      allowed.add(e.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }
    throw fail(key, "'" + v.asText() + "' is not one of " + allowed);
  }

  private String requiredText(JsonNode node, String key, String at) throws RouteConfigException {
    JsonNode v = node.get(key);
    if (v == null || !v.isValueNode() || v.asText().isBlank()) {
      throw fail(at + "." + key, "is required");
    }
    return v.asText().trim();
  }

  private String safe(String value, String at) throws RouteConfigException {
    if (!SAFE.matcher(value).matches()) {
      throw fail(at, "'" + value + "' must be 1-64 of A-Z a-z 0-9 . _ - (it becomes part of keys)");
    }
    return value;
  }

  private void allowKeys(JsonNode node, String at, String... allowed) throws RouteConfigException {
    Set<String> ok = Set.of(allowed);
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!ok.contains(key)) {
        throw fail(at, "unknown key '" + key + "' (allowed: " + String.join(", ", allowed) + ")");
      }
    }
  }

  private RouteConfigException fail(String at, String why) {
    return new RouteConfigException(file + ": " + at + ": " + why);
  }
}
