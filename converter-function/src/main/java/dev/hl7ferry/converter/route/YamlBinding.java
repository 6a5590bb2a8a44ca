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
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Parses the routes file's YAML and binds it to {@link RoutesFile}, turning Jackson's errors into
 * messages that name the key and what it must hold, in the words of the format.
 */
final class YamlBinding {
  private static final JsonMapper YAML = mapper();

  private YamlBinding() {}

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

  /** The file bound to records; throws naming the key that is wrong. */
  static RoutesFile read(String yaml, Problems problems) throws RouteConfigException {
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      throw new RouteConfigException(
          problems.file() + ": not valid YAML: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw problems.fail("(top)", "expected a map with 'routes'");
    }
    try {
      return YAML.treeToValue(root, RoutesFile.class);
    } catch (UnrecognizedPropertyException e) {
      String at = path(e.getPath().subList(0, e.getPath().size() - 1));
      String allowed =
          Arrays.stream(e.getReferringClass().getRecordComponents())
              .map(RecordComponent::getName)
              .collect(Collectors.joining(", "));
      throw problems.fail(
          at, "unknown key '" + e.getPropertyName() + "' (allowed: " + allowed + ")", e);
    } catch (MismatchedInputException e) {
      String at = path(e.getPath());
      throw problems.fail(at, "expected " + shape(at, e.getTargetType()), e);
    } catch (JsonMappingException e) {
      throw problems.fail(path(e.getPath()), e.getOriginalMessage(), e);
    } catch (JsonProcessingException e) {
      throw new RouteConfigException(problems.file() + ": " + e.getOriginalMessage(), e);
    }
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
    if (Map.class.isAssignableFrom(type)) {
      return "a map of names to entries";
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
}
