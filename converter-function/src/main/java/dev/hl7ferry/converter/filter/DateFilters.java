package dev.hl7ferry.converter.filter;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.zone.ZoneRulesException;
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

  /**
   * Both filters:
   *
   * <ul>
   *   <li>{@code {{ msg["OBR-7"] | hl7_date: "yyyy-MM-dd'T'HH:mm:ssXXX" }}} formats an HL7 DTM; an
   *       optional second argument is the zone assumed when the value has no offset (default UTC).
   *   <li>{@code {{ value | to_hl7_date: "dd.MM.yyyy HH:mm" }}} reads a value with the given
   *       pattern and writes an HL7 DTM with the precision the pattern had (date only, or to the
   *       second, with the offset when the pattern reads one).
   * </ul>
   */
  public static List<Filter> all() {
    return List.of(
        new DateFilter(
            "hl7_date",
            "a pattern, e.g. hl7_date: \"yyyy-MM-dd\"",
            (text, params) -> formatter(params[0]).format(Hl7Dates.parse(text, zone(params, 1)))),
        new DateFilter(
            "to_hl7_date",
            "the input pattern, e.g. to_hl7_date: \"dd.MM.yyyy HH:mm\"",
            (text, params) -> Hl7Dates.format(formatter(params[0]).parse(text.trim()))));
  }

  private static DateTimeFormatter formatter(Object pattern) {
    try {
      return FORMATS.computeIfAbsent(String.valueOf(pattern), DateTimeFormatter::ofPattern);
    } catch (IllegalArgumentException e) {
      // The pattern is the template's (a value would be refused as a pattern the same way).
      throw new FilterException("not a valid date/time pattern", e);
    }
  }

  private static ZoneId zone(Object[] params, int at) {
    return params.length > at ? ZoneId.of(String.valueOf(params[at])) : ZoneId.of("UTC");
  }

  /** What went wrong, without the value: which part could not be read. */
  private static String problem(RuntimeException e) {
    if (e instanceof ZoneRulesException
        || (e instanceof DateTimeException && String.valueOf(e.getMessage()).contains("ZoneId"))) {
      return "the zone argument is not a zone id";
    }
    if (e instanceof DateTimeParseException p) {
      return "the value does not match the pattern (at index " + p.getErrorIndex() + ")";
    }
    if (e instanceof DateTimeException) {
      return "the value is not a valid date/time for the pattern";
    }
    return "the value is not an HL7 date/time";
  }

  /** One conversion of a non-blank value; the first parameter is always the pattern. */
  private interface Conversion {
    String apply(String text, Object[] params);
  }

  /**
   * The shared filter body: blank stays blank, the pattern is required, and a date/time error
   * becomes a {@link FilterException} naming the filter and the problem but never the value (the
   * template error then names template and line).
   */
  private static final class DateFilter extends Filter {
    private final String needs;
    private final Conversion conversion;

    DateFilter(String name, String needs, Conversion conversion) {
      super(name);
      this.needs = needs;
      this.conversion = conversion;
    }

    @Override
    public Object apply(Object value, TemplateContext context, Object... params) {
      String text = value == null ? "" : String.valueOf(value);
      if (text.isBlank()) {
        return "";
      }
      if (params.length == 0) {
        throw new FilterException(name + " needs " + needs);
      }
      try {
        return conversion.apply(text, params);
      } catch (FilterException e) {
        throw e;
      } catch (DateTimeException | IllegalArgumentException | IndexOutOfBoundsException e) {
        // The JDK's messages quote the value (a birth date, say): say what failed, not on what.
        throw new FilterException(name + ": " + problem(e), e);
      }
    }
  }
}
