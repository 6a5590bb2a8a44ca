package dev.hl7ferry.converter.route;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.hl7ferry.converter.route.RoutesFile.ConditionEntry;
import dev.hl7ferry.converter.route.RoutesFile.RouteEntry;
import dev.hl7ferry.core.path.Hl7Path;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a routes file (YAML) into {@link RoutesFile} with Jackson and validates it into a {@link
 * RouteTable}. Every error names the file and the key, e.g. {@code routes.yaml: routes[2].when[0]:
 * unknown key 'equal'}. See the module README for the format.
 */
public final class RouteLoader {
  private static final JsonMapper YAML = mapper();
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

  private static JsonMapper mapper() {
    JsonMapper mapper =
        JsonMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    // "exists: 'yes'" is a mistake to report, not a string to read as false.
    mapper
        .coercionConfigFor(LogicalType.Boolean)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    return mapper;
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
    RoutesFile bound = bind(root);
    if (bound.version() != null && bound.version() != 1) {
      throw fail("version", "only version 1 is understood");
    }
    MatchMode mode = enumValue(bound.mode(), "mode", MatchMode.class, MatchMode.FIRST_MATCH);
    UnmatchedPolicy unmatched =
        enumValue(
            bound.unmatched(), "unmatched", UnmatchedPolicy.class, UnmatchedPolicy.RECORD_AND_DROP);
    if (bound.routes() == null) {
      throw fail("routes", "expected a list of routes");
    }
    List<Route> routes = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < bound.routes().size(); i++) {
      Route route = route(bound.routes().get(i), "routes[" + i + "]");
      if (!names.add(route.name())) {
        throw fail("routes[" + i + "].name", "duplicate route name '" + route.name() + "'");
      }
      routes.add(route);
    }
    return new RouteTable(mode, unmatched, routes);
  }

  private RoutesFile bind(JsonNode root) throws RouteConfigException {
    try {
      return YAML.treeToValue(root, RoutesFile.class);
    } catch (UnrecognizedPropertyException e) {
      String at = path(e.getPath().subList(0, e.getPath().size() - 1));
      String allowed =
          Arrays.stream(e.getReferringClass().getRecordComponents())
              .map(RecordComponent::getName)
              .collect(Collectors.joining(", "));
      throw fail(at, "unknown key '" + e.getPropertyName() + "' (allowed: " + allowed + ")", e);
    } catch (MismatchedInputException e) {
      String at = path(e.getPath());
      throw fail(at, "expected " + shape(at, e.getTargetType()), e);
    } catch (JsonMappingException e) {
      throw fail(path(e.getPath()), e.getOriginalMessage(), e);
    } catch (JsonProcessingException e) {
      throw new RouteConfigException(file + ": " + e.getOriginalMessage(), e);
    }
  }

  private Route route(RouteEntry entry, String at) throws RouteConfigException {
    if (entry == null) {
      throw fail(at, "expected a map");
    }
    String name = safe(required(entry.name(), at + ".name"), at + ".name");
    String template = required(entry.template(), at + ".template");
    if (template.startsWith("/") || template.contains("..")) {
      throw fail(at + ".template", "must be a name inside the template store");
    }
    if (entry.destinations() == null || entry.destinations().isEmpty()) {
      throw fail(at + ".destinations", "expected a non-empty list");
    }
    List<String> destinations = new ArrayList<>();
    for (int d = 0; d < entry.destinations().size(); d++) {
      String where = at + ".destinations[" + d + "]";
      destinations.add(safe(required(entry.destinations().get(d), where), where));
    }
    List<Condition> conditions = new ArrayList<>();
    if (entry.when() != null) {
      for (int c = 0; c < entry.when().size(); c++) {
        conditions.add(condition(entry.when().get(c), at + ".when[" + c + "]"));
      }
    }
    return new Route(name, conditions, template, destinations);
  }

  private Condition condition(ConditionEntry entry, String at) throws RouteConfigException {
    if (entry == null) {
      throw fail(at, "expected a map like {field: message-type, equals: ORU}");
    }
    String field = required(entry.field(), at + ".field");
    Hl7Path path = path(field, at + ".field");
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
      throw fail(at, "expected exactly one of equals, in, prefix, exists; found " + ops);
    }
    switch (ops.get(0)) {
      case "in":
        if (entry.in().isEmpty() || entry.in().contains(null)) {
          throw fail(at + ".in", "expected a non-empty list");
        }
        return new Condition(field, path, Operator.IN, entry.in());
      case "exists":
        return new Condition(field, path, Operator.EXISTS, List.of(entry.exists().toString()));
      case "equals":
        return new Condition(field, path, Operator.EQUALS, List.of(entry.equals()));
      default:
        return new Condition(field, path, Operator.PREFIX, List.of(entry.prefix()));
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
              + String.join(", ", new TreeSet<>(ALIASES.keySet()))
              + ") nor an HL7 path: "
              + e.getMessage(),
          e);
    }
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
    throw fail(key, "'" + value + "' is not one of " + allowed);
  }

  private String required(String value, String at) throws RouteConfigException {
    if (value == null || value.isBlank()) {
      throw fail(at, "is required");
    }
    return value.trim();
  }

  private String safe(String value, String at) throws RouteConfigException {
    if (!SAFE.matcher(value).matches()) {
      throw fail(at, "'" + value + "' must be 1-64 of A-Z a-z 0-9 . _ - (it becomes part of keys)");
    }
    return value;
  }

  /** What the key at {@code at}, bound to {@code type}, must hold, in the words of the format. */
  private static String shape(String at, Class<?> type) {
    if (type == null) {
      return "another kind of value";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return at.equals("routes")
          ? "a list of routes"
          : at.endsWith(".when") ? "a list of conditions" : "a list";
    }
    if (type == ConditionEntry.class) {
      return "a map like {field: message-type, equals: ORU}";
    }
    if (type == Boolean.class) {
      return "true or false";
    }
    if (type == Integer.class) {
      return "a whole number";
    }
    if (type == String.class) {
      return "a single value";
    }
    return "a map";
  }

  /** {@code routes[0].when[1]} from Jackson's reference path; {@code (top)} when empty. */
  private static String path(List<JsonMappingException.Reference> refs) {
    StringBuilder out = new StringBuilder();
    for (JsonMappingException.Reference r : refs) {
      if (r.getFieldName() != null) {
        out.append(out.length() == 0 ? "" : ".").append(r.getFieldName());
      } else {
        out.append('[').append(r.getIndex()).append(']');
      }
    }
    return out.length() == 0 ? "(top)" : out.toString();
  }

  private RouteConfigException fail(String at, String why) {
    return new RouteConfigException(file + ": " + at + ": " + why);
  }

  private RouteConfigException fail(String at, String why, Throwable cause) {
    return new RouteConfigException(file + ": " + at + ": " + why, cause);
  }
}
