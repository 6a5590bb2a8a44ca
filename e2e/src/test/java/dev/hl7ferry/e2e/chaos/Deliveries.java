package dev.hl7ferry.e2e.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The far side of the count: what reached the destination (the sink's files, {@code
 * <controlId>-<n>.hl7}, the output keeping the input's MSH-10) and which messages the converter
 * refused (its error records in the local cloud's bucket, each naming the control id).
 */
final class Deliveries {
  private static final Pattern SINK_FILE = Pattern.compile("(.+)-\\d{8}\\.hl7");
  private static final Pattern CONTROL_ID = Pattern.compile("\"controlId\"\\s*:\\s*\"([^\"]*)\"");

  private Deliveries() {}

  /** Deliveries per control id starting with {@code prefix-}, over every sink folder. */
  static Map<String, Integer> delivered(List<Path> sinkDirs, String prefix) {
    Map<String, Integer> count = new HashMap<>();
    for (Path dir : sinkDirs) {
      try (Stream<Path> files = Files.list(dir)) {
        files.forEach(
            f -> {
              Matcher m = SINK_FILE.matcher(f.getFileName().toString());
              if (m.matches() && m.group(1).startsWith(prefix + "-")) {
                count.merge(m.group(1), 1, Integer::sum);
              }
            });
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return count;
  }

  /** Control ids starting with {@code prefix-} that have a converter error record. */
  static Set<String> failed(Path errorRecords, String prefix) {
    Set<String> ids = new HashSet<>();
    if (!Files.isDirectory(errorRecords)) {
      return ids;
    }
    try (Stream<Path> files = Files.walk(errorRecords)) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        Matcher m = CONTROL_ID.matcher(Files.readString(f, StandardCharsets.UTF_8));
        if (m.find() && m.group(1).startsWith(prefix + "-")) {
          ids.add(m.group(1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ids;
  }
}
