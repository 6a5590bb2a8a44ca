package dev.hl7ferry.edge.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Loads {@link EdgeConfig}: the shipped defaults, the user's file merged over them key by key, then
 * command-line overrides; unknown keys, wrong types and invalid values fail with the key named.
 */
public final class ConfigLoader {
  /** The commented default file on the classpath; it lists every key. */
  public static final String DEFAULTS = "/ferry-edge-default.yaml";

  private final JsonMapper mapper =
      JsonMapper.builder(new YAMLFactory())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
          .build();

  /**
   * @param file the user's YAML file, or null for defaults only
   * @param overrides dotted keys to values, e.g. {@code listener.port -> 2575}
   */
  public EdgeConfig load(Path file, Map<String, Object> overrides) throws ConfigException {
    JsonNode tree = defaults();
    String source = file == null ? DEFAULTS : file.toString();
    if (file != null) {
      try (InputStream in = Files.newInputStream(file)) {
        JsonNode user = mapper.readTree(in);
        if (user != null && !user.isMissingNode() && !user.isNull()) {
          if (!user.isObject()) {
            throw new ConfigException(source + ": must be a mapping of sections", null);
          }
          merge((ObjectNode) tree, user, "");
        }
      } catch (JsonProcessingException e) {
        throw new ConfigException(source + ": not valid YAML: " + e.getOriginalMessage(), e);
      } catch (IOException e) {
        throw new ConfigException(source + ": cannot read: " + e.getMessage(), e);
      }
    }
    overrides.forEach((key, value) -> override((ObjectNode) tree, key, value));
    EdgeConfig config;
    try {
      config = mapper.treeToValue(tree, EdgeConfig.class);
    } catch (UnrecognizedPropertyException e) {
      throw new ConfigException(source + ": " + path(e) + ": unknown key", e);
    } catch (JsonMappingException e) {
      throw new ConfigException(source + ": " + path(e) + ": " + e.getOriginalMessage(), e);
    } catch (JsonProcessingException e) {
      throw new ConfigException(source + ": " + e.getOriginalMessage(), e);
    }
    var problems = config.problems();
    if (!problems.isEmpty()) {
      throw new ConfigException(source + ": " + String.join("; ", problems), null);
    }
    return config;
  }

  private JsonNode defaults() throws ConfigException {
    try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULTS)) {
      if (in == null) {
        throw new ConfigException(DEFAULTS + " is missing from the classpath", null);
      }
      return mapper.readTree(in);
    } catch (IOException e) {
      throw new ConfigException(DEFAULTS + ": cannot read", e);
    }
  }

  /** Copies {@code from} over {@code into}; sections merge, unknown keys are kept to fail later. */
  private static void merge(ObjectNode into, JsonNode from, String prefix) throws ConfigException {
    Iterator<Map.Entry<String, JsonNode>> fields = from.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode existing = into.get(field.getKey());
      if (existing != null && existing.isObject()) {
        if (!field.getValue().isObject()) {
          throw new ConfigException(prefix + field.getKey() + ": must be a section", null);
        }
        merge((ObjectNode) existing, field.getValue(), prefix + field.getKey() + ".");
      } else {
        into.set(field.getKey(), field.getValue());
      }
    }
  }

  private void override(ObjectNode tree, String dottedKey, Object value) {
    String[] parts = dottedKey.split("\\.");
    ObjectNode node = tree;
    for (int i = 0; i < parts.length - 1; i++) {
      node = node.with(parts[i]);
    }
    node.set(parts[parts.length - 1], mapper.valueToTree(value));
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining("."));
  }
}
