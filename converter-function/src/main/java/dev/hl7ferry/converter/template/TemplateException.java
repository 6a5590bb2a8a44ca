package dev.hl7ferry.converter.template;

/** A template failed to compile or render; names the template and, when known, the line. */
public final class TemplateException extends Exception {
  private final String template;
  private final int line;
  private final String reason;

  /** A failure at {@code line} (1-based; 0 when the line is not known). */
  public TemplateException(String template, int line, String reason, Throwable cause) {
    super(describe(template, line, reason), cause);
    this.template = template;
    this.line = line;
    this.reason = reason;
  }

  private static String describe(String template, int line, String reason) {
    return line > 0
        ? "template " + template + " line " + line + ": " + reason
        : "template " + template + ": " + reason;
  }

  /** The template's name in the store. */
  public String template() {
    return template;
  }

  /** The 1-based line the failure points at, or 0. */
  public int line() {
    return line;
  }

  /** The failure without the template name. */
  public String reason() {
    return reason;
  }
}
