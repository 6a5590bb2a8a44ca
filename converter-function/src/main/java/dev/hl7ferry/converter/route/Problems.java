package dev.hl7ferry.converter.route;

import java.util.regex.Pattern;

/** Builds the routes file's error messages ({@code file: key: why}) and the common checks. */
record Problems(String file) {
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  RouteConfigException fail(String at, String why) {
    return new RouteConfigException(file + ": " + at + ": " + why);
  }

  RouteConfigException fail(String at, String why, Throwable cause) {
    return new RouteConfigException(file + ": " + at + ": " + why, cause);
  }

  String required(String value, String at) throws RouteConfigException {
    if (value == null || value.isBlank()) {
      throw fail(at, "is required");
    }
    return value.trim();
  }

  /** A name that becomes part of keys and ids. */
  String safe(String value, String at) throws RouteConfigException {
    if (!SAFE.matcher(value).matches()) {
      throw fail(at, "'" + value + "' must be 1-64 of A-Z a-z 0-9 . _ - (it becomes part of keys)");
    }
    return value;
  }
}
