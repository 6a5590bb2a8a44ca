package dev.hl7ferry.converter.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A code table stored beside the templates. CSV: the first non-comment line is a header, then
 * {@code from,to} per line, split at the first comma, no quoting, {@code #} comments. YAML: one
 * flat map.
 */
public record LookupTable(String name, Map<String, String> entries) {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** Parses a table file; the name's extension picks the format. */
  public static LookupTable parse(String name, String text) throws IOException {
    Map<String, String> entries = new HashMap<>();
    if (name.endsWith(".csv")) {
      boolean header = true;
      int lineNo = 0;
      for (String line : text.split("\r\n|\r|\n")) {
        lineNo++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        if (header) {
          header = false;
          continue;
        }
        int comma = line.indexOf(',');
        if (comma < 0) {
          throw new IOException("table " + name + " line " + lineNo + ": expected from,to");
        }
        entries.put(line.substring(0, comma).trim(), line.substring(comma + 1).trim());
      }
    } else {
      JsonNode root = YAML.readTree(text);
      if (root == null || !root.isObject()) {
        throw new IOException("table " + name + ": expected a map of code: value");
      }
      for (Map.Entry<String, JsonNode> e : root.properties()) {
        if (!e.getValue().isValueNode()) {
          throw new IOException(
              "table " + name + ": value of '" + e.getKey() + "' is not a scalar");
        }
        entries.put(e.getKey(), e.getValue().asText());
      }
    }
    return new LookupTable(name, Map.copyOf(entries));
  }
}
