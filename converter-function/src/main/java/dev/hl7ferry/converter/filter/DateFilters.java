package dev.hl7ferry.converter.filter;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import liqp.TemplateContext;
import liqp.filters.Filter;

/**
 * Date/time conversion between HL7 DTM and other formats (Java {@link DateTimeFormatter} patterns).
 * An empty input stays empty, so optional fields need no {@code if}.
 */
public final class DateFilters {
  private static final ConcurrentHashMap<String, DateTimeFormatter> FORMATS =
      new ConcurrentHashMap<>();

  private DateFilters() {}

  /** Both filters. */
  public static List<Filter> all() {
    return List.of(new FromHl7(), new ToHl7());
  }

  private static DateTimeFormatter formatter(Object pattern) {
    return FORMATS.computeIfAbsent(String.valueOf(pattern), DateTimeFormatter::ofPattern);
  }

  private static ZoneId zone(Object[] params, int at) {
    return params.length > at ? ZoneId.of(String.valueOf(params[at])) : ZoneId.of("UTC");
  }

  /**
   * {@code {{ msg["OBR-7"] | hl7_date: "yyyy-MM-dd'T'HH:mm:ssXXX" }}} formats an HL7 DTM; an
   * optional second argument is the zone assumed when the value has no offset (default UTC).
   */
  static final class FromHl7 extends Filter {
    FromHl7() {
      super("hl7_date");
    }

    @Override
    public Object apply(Object value, TemplateContext context, Object... params) {
      String text = value == null ? "" : String.valueOf(value);
      if (text.isBlank()) {
        return "";
      }
      if (params.length == 0) {
        throw new IllegalArgumentException(
            "hl7_date needs a pattern, e.g. hl7_date: \"yyyy-MM-dd\"");
      }
      try {
        return formatter(params[0]).format(Hl7Dates.parse(text, zone(params, 1)));
      } catch (DateTimeException e) {
        throw new IllegalArgumentException("hl7_date: " + e.getMessage(), e);
      }
    }
  }

  /**
   * {@code {{ value | to_hl7_date: "dd.MM.yyyy HH:mm" }}} reads a value with the given pattern and
   * writes an HL7 DTM with the precision the pattern had (date only, or to the second, with the
   * offset when the pattern reads one).
   */
  static final class ToHl7 extends Filter {
    ToHl7() {
      super("to_hl7_date");
    }

    @Override
    public Object apply(Object value, TemplateContext context, Object... params) {
      String text = value == null ? "" : String.valueOf(value);
      if (text.isBlank()) {
        return "";
      }
      if (params.length == 0) {
        throw new IllegalArgumentException("to_hl7_date needs the input pattern");
      }
      try {
        TemporalAccessor parsed = formatter(params[0]).parse(text.trim());
        return Hl7Dates.format(parsed);
      } catch (DateTimeException e) {
        throw new IllegalArgumentException("to_hl7_date: " + e.getMessage(), e);
      }
    }
  }
}
