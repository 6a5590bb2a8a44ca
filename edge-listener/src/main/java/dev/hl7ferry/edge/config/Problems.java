package dev.hl7ferry.edge.config;

import java.util.ArrayList;
import java.util.List;

/** Collects validation problems, each as {@code key: problem}. */
final class Problems {
  private final String prefix;
  private final List<String> found = new ArrayList<>();

  Problems(String prefix) {
    this.prefix = prefix;
  }

  Problems range(String key, long value, long min, long max) {
    if (value < min || value > max) {
      found.add(prefix + "." + key + ": must be between " + min + " and " + max + ", was " + value);
    }
    return this;
  }

  Problems require(boolean ok, String key, String problem) {
    if (!ok) {
      found.add(prefix + "." + key + ": " + problem);
    }
    return this;
  }

  List<String> list() {
    return List.copyOf(found);
  }
}
