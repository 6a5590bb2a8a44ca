package dev.hl7ferry.converter.filter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A code table stored beside the templates. CSV (RFC 4180, read by jackson-dataformat-csv): the
 * first row is a header, then {@code from,to} per row; a value holding a comma, quote or line break
 * is quoted ({@code "a,b"}, a quote doubled inside: {@code "say ""hi"""}); unquoted values are
 * trimmed; lines starting with {@code #} and blank lines are skipped. YAML: one flat map.
 */
public record LookupTable(String name, Map<String, String> entries) {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final CsvMapper CSV =
      CsvMapper.builder()
          .enable(CsvParser.Feature.WRAP_AS_ARRAY)
          .enable(CsvParser.Feature.TRIM_SPACES)
          .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
          .build();
  private static final CsvSchema ROWS = CsvSchema.emptySchema().withComments();

  /** Parses a table file; the name's extension picks the format. */
  public static LookupTable parse(String name, String text) throws IOException {
    return new LookupTable(
        name, Map.copyOf(name.endsWith(".csv") ? csv(name, text) : yaml(name, text)));
  }

  private static Map<String, String> csv(String name, String text) throws IOException {
    Map<String, String> entries = new HashMap<>();
    try (MappingIterator<List<String>> rows =
        CSV.readerForListOf(String.class).with(ROWS).readValues(text)) {
      boolean header = true;
      while (rows.hasNextValue()) {
        List<String> row = rows.nextValue();
        long line = rows.getParser().currentTokenLocation().getLineNr();
        if (header) {
          header = false;
          continue;
        }
        if (row.size() != 2) {
          throw new IOException(
              "table "
                  + name
                  + " line "
                  + line
                  + ": expected from,to but found "
                  + row.size()
                  + " values (quote a value that holds a comma)");
        }
        entries.put(row.get(0), row.get(1));
      }
    } catch (JsonProcessingException e) {
      throw new IOException("table " + name + ": not valid CSV: " + e.getOriginalMessage(), e);
    }
    return entries;
  }

  private static Map<String, String> yaml(String name, String text) throws IOException {
    Map<String, String> entries = new HashMap<>();
    JsonNode root = YAML.readTree(text);
    if (root == null || !root.isObject()) {
      throw new IOException("table " + name + ": expected a map of code: value");
    }
    for (Map.Entry<String, JsonNode> e : root.properties()) {
      if (!e.getValue().isValueNode()) {
        throw new IOException("table " + name + ": value of '" + e.getKey() + "' is not a scalar");
      }
      entries.put(e.getKey(), e.getValue().asText());
    }
    return entries;
  }
}
