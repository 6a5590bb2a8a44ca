package dev.hl7ferry.converter.filter;

import java.io.IOException;
import liqp.TemplateContext;
import liqp.filters.Filter;

/**
 * {@code {{ obx["3.1"] | lookup: "loinc-to-local" }}} maps a code through a table stored beside the
 * template ({@code loinc-to-local.csv} or {@code .yaml}); a code not in the table is kept unless a
 * second argument gives the fallback: {@code lookup: "units", "UNKNOWN"}.
 */
public final class LookupFilter extends Filter {
  private final TableSource tables;

  public LookupFilter(TableSource tables) {
    super("lookup");
    this.tables = tables;
  }

  @Override
  public Object apply(Object value, TemplateContext context, Object... params) {
    if (params.length == 0) {
      throw new FilterException("lookup needs a table name, e.g. lookup: \"units\"");
    }
    String key = value == null ? "" : String.valueOf(value);
    LookupTable table;
    try {
      table = tables.table(String.valueOf(params[0]));
    } catch (IOException e) {
      // Names a table from the template, never a value from the message.
      throw new FilterException(e.getMessage(), e);
    }
    String found = table.entries().get(key);
    if (found != null) {
      return found;
    }
    return params.length > 1 ? String.valueOf(params[1]) : key;
  }
}
