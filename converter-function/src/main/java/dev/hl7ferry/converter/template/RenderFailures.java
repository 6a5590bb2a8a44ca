package dev.hl7ferry.converter.template;

import dev.hl7ferry.converter.filter.FilterException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import liqp.exceptions.ExceededMaxIterationsException;

/**
 * Turns whatever a render threw into a {@link TemplateException} that names template, line and
 * column and a code, but never a value from the message: liqp's own wrapper repeats its cause's
 * message, and the JDK's messages quote the text they could not read (a birth date in a date
 * filter). Only messages known to be value-free are kept ({@link FilterException}, include and
 * table resolution, the limits); anything else is reported by its class. The cause stays attached.
 */
final class RenderFailures {
  private static final Pattern POSITION = Pattern.compile("line (\\d+)(?:, index (\\d+))?");
  private static final String OUTPUT_LIMIT = "rendered string exceeds";

  private RenderFailures() {}

  /** The failure of rendering template {@code name}. */
  static TemplateException of(String name, Throwable thrown) {
    int line = 0;
    int column = -1;
    String reason = null;
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String message = t.getMessage();
      if (line == 0 && message != null) {
        Matcher m = POSITION.matcher(message);
        if (m.find()) {
          line = Integer.parseInt(m.group(1));
          column = m.group(2) == null ? -1 : Integer.parseInt(m.group(2));
        }
      }
      if (reason == null) {
        reason = known(t);
      }
    }
    if (reason == null) {
      reason = "render failed (" + innermost(thrown).getClass().getSimpleName() + ")";
    }
    if (column >= 0) {
      reason += " (index " + column + ")";
    }
    return new TemplateException(name, line, reason, thrown);
  }

  /** The reason when {@code t} is a failure whose text is safe to show, else null. */
  private static String known(Throwable t) {
    if (t instanceof ExceededMaxIterationsException) {
      return "iteration limit exceeded (" + TemplateCompiler.MAX_ITERATIONS + ")";
    }
    if (t instanceof StackOverflowError) {
      return "stack overflow (includes or nesting too deep)";
    }
    if (t instanceof OutOfMemoryError) {
      return "out of memory while rendering";
    }
    if (t instanceof FilterException
        || t instanceof IOException
        || t instanceof UncheckedIOException) {
      return t.getMessage();
    }
    if (t.getClass() == RuntimeException.class
        && t.getMessage() != null
        && t.getMessage().startsWith(OUTPUT_LIMIT)) {
      return "output size limit exceeded (" + TemplateCompiler.MAX_OUTPUT_CHARS + " chars)";
    }
    return null;
  }

  private static Throwable innermost(Throwable thrown) {
    Throwable t = thrown;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }
}
