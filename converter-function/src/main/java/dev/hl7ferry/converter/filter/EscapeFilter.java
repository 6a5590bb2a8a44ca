package dev.hl7ferry.converter.filter;

import dev.hl7ferry.core.escape.Escaping;
import dev.hl7ferry.core.message.Delimiters;
import java.nio.charset.StandardCharsets;
import liqp.TemplateContext;
import liqp.filters.Filter;

/**
 * {@code {{ value | hl7 }}}: escapes a decoded value for an HL7 field with the standard delimiters
 * ({@code |^~\&}), so a {@code ^} in a name cannot split a component. HL7 templates escape every
 * output on their own; the filter is for JSON/text templates and for being explicit.
 */
public final class EscapeFilter extends Filter {
  static final Escaping ESCAPING = new Escaping(Delimiters.DEFAULT, StandardCharsets.UTF_8);

  public EscapeFilter() {
    super("hl7");
  }

  @Override
  public Object apply(Object value, TemplateContext context, Object... params) {
    if (value instanceof EscapedText done) {
      return done;
    }
    return new EscapedText(value == null ? "" : ESCAPING.encode(String.valueOf(value)));
  }
}
