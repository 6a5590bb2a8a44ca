package dev.hl7ferry.converter.view;

import dev.hl7ferry.core.path.Hl7Path;
import java.util.concurrent.ConcurrentHashMap;

/** Parsed HL7 paths by text: templates ask for the same few paths on every render. */
final class PathCache {
  private static final int LIMIT = 50_000;
  private static final ConcurrentHashMap<String, Hl7Path> PATHS = new ConcurrentHashMap<>();
  private static final ConcurrentHashMap<String, Hl7Path> FIELDS = new ConcurrentHashMap<>();

  private PathCache() {}

  /**
   * A path relative to some segment ({@code "5.1"}, {@code "3(2)"}); the segment id of the result
   * is a placeholder, only field, repetition, component and subcomponent are meant to be used.
   */
  static Hl7Path field(String text) {
    Hl7Path path = FIELDS.get(text);
    if (path == null) {
      path = Hl7Path.parse("ZZZ-" + text);
      if (FIELDS.size() < LIMIT) {
        FIELDS.put(text, path);
      }
    }
    return path;
  }

  /** The parsed path; throws {@link IllegalArgumentException} naming a malformed path. */
  static Hl7Path path(String text) {
    Hl7Path path = PATHS.get(text);
    if (path == null) {
      path = Hl7Path.parse(text);
      if (PATHS.size() < LIMIT) {
        PATHS.put(text, path);
      }
    }
    return path;
  }
}
