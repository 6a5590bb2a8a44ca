package dev.hl7ferry.converter.filter;

import liqp.TemplateContext;
import liqp.filters.Filter;

/**
 * {@code {{ seg.raw | raw }}}: writes a value into an HL7 template without escaping it (for text
 * that already holds delimiters on purpose, such as a whole raw field or segment).
 */
public final class RawFilter extends Filter {

  public RawFilter() {
    super("raw");
  }

  @Override
  public Object apply(Object value, TemplateContext context, Object... params) {
    return new EscapedText(value == null ? "" : String.valueOf(value));
  }
}
