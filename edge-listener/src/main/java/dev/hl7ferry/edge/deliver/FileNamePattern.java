package dev.hl7ferry.edge.deliver;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file-name pattern with placeholders {@code {id}}, {@code {controlId}}, {@code {destination}},
 * {@code {timestamp}} (UTC, {@code yyyyMMdd'T'HHmmssSSS'Z'}) and {@code {ext}} (hl7, json or bin).
 * Each value is made safe: characters other than {@code A-Z a-z 0-9 . _ -} become {@code _}; the
 * result never starts with a dot (no hidden files, no {@code ..}) and is cut to 200 characters.
 */
public final class FileNamePattern {
  /** The default: sorts by time, names the message, unique per output. */
  public static final String DEFAULT = "{timestamp}_{controlId}_{id}.{ext}";

  static final List<String> PLACEHOLDERS =
      List.of("id", "controlId", "destination", "timestamp", "ext");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
  private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");
  private static final int MAX_LENGTH = 200;
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

  private final String pattern;

  /** Throws naming the problem when the pattern has an unknown placeholder or a path separator. */
  public FileNamePattern(String pattern) {
    String problem = problem(pattern);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    this.pattern = pattern;
  }

  /** What is wrong with {@code pattern}, or null when it is usable. */
  public static String problem(String pattern) {
    if (pattern == null || pattern.isBlank()) {
      return "must not be empty";
    }
    if (pattern.contains("/") || pattern.contains("\\")) {
      return "must be a file name, without / or \\";
    }
    Matcher m = PLACEHOLDER.matcher(pattern);
    while (m.find()) {
      if (!PLACEHOLDERS.contains(m.group(1))) {
        return "unknown placeholder {" + m.group(1) + "}, known: " + PLACEHOLDERS;
      }
    }
    return null;
  }

  /** The safe file name for {@code output} delivered at {@code now}. */
  public String render(Output output, Instant now) {
    Matcher m = PLACEHOLDER.matcher(pattern);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value =
          switch (m.group(1)) {
            case "id" -> output.id();
            case "controlId" -> output.controlId().isEmpty() ? "nocontrolid" : output.controlId();
            case "destination" -> output.destination();
            case "timestamp" -> TIMESTAMP.format(now);
            default -> output.extension();
          };
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    String name = UNSAFE.matcher(out).replaceAll("_");
    if (name.startsWith(".")) {
      name = "_" + name.substring(1);
    }
    return name.length() > MAX_LENGTH ? name.substring(0, MAX_LENGTH) : name;
  }

  @Override
  public String toString() {
    return pattern;
  }
}
