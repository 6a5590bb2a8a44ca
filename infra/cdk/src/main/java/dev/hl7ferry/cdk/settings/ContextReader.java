package dev.hl7ferry.cdk.settings;

import java.util.List;
import java.util.function.Function;

/** Typed reads of CDK context values, which arrive as strings from {@code -c} or JSON values. */
final class ContextReader {
  private final Function<String, Object> lookup;

  ContextReader(Function<String, Object> lookup) {
    this.lookup = lookup;
  }

  String text(String key, String fallback) {
    Object value = lookup.apply(key);
    return value == null ? fallback : String.valueOf(value).trim();
  }

  List<String> list(String key) {
    return FerrySettings.split(lookup.apply(key));
  }

  int integer(String key, int fallback) {
    Object value = lookup.apply(key);
    if (value == null || String.valueOf(value).isBlank()) {
      return fallback;
    }
    if (value instanceof Number number) {
      return number.intValue();
    }
    try {
      return Integer.parseInt(String.valueOf(value).trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + ": '" + value + "' is not a whole number", e);
    }
  }
}
