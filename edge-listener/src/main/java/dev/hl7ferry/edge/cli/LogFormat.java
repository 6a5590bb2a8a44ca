package dev.hl7ferry.edge.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Settles {@code FERRY_LOG_FORMAT} before logback reads it: {@code logback.xml} picks its appender
 * by that name ({@code text} or {@code json}), and a name it does not know would silence the log. A
 * system property of the same name wins over the environment in logback's lookup.
 */
final class LogFormat {
  static final String VARIABLE = "FERRY_LOG_FORMAT";

  private LogFormat() {}

  /** The appender name for {@code value}: {@code json} or {@code text}; warns on anything else. */
  static String choose(String value, PrintStream err) {
    if (value == null || value.isBlank()) {
      return "text";
    }
    String format = value.strip().toLowerCase(Locale.ROOT);
    if (format.equals("json") || format.equals("text")) {
      return format;
    }
    err.println("ferry-edge: " + VARIABLE + "=" + value + " is not text or json; logging text");
    return "text";
  }

  /** Sets the system property logback.xml reads; call before anything logs. */
  static void settle() {
    System.setProperty(VARIABLE, choose(System.getenv(VARIABLE), System.err));
  }
}
