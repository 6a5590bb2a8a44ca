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

  /** Whether {@code value} is an absolute http(s) URL with a host. */
  static boolean httpUrl(String value) {
    if (value == null || value.isBlank()) {
      return false;
    }
    try {
      java.net.URI uri = new java.net.URI(value);
      return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null;
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }
}
