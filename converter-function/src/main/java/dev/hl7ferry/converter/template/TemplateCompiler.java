package dev.hl7ferry.converter.template;

import dev.hl7ferry.converter.filter.DateFilters;
import dev.hl7ferry.converter.filter.EscapeFilter;
import dev.hl7ferry.converter.filter.LookupFilter;
import dev.hl7ferry.converter.filter.LookupTable;
import dev.hl7ferry.converter.filter.RawFilter;
import dev.hl7ferry.converter.filter.TableSource;
import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import liqp.TemplateParser;
import liqp.antlr.CharStreamWithLocation;
import liqp.filters.Filter;
import liqp.org.antlr.v4.runtime.CharStreams;
import liqp.parser.Flavor;

/**
 * Compiles templates of one store snapshot, picking the kind by extension ({@code .liquid}, {@code
 * .tpl}). Liquid templates get a parser per folder whose includes and lookup tables resolve only
 * inside that folder, through the store (never the file system).
 */
public final class TemplateCompiler {
  /** Guards against runaway loops and outputs; generous for any real message. */
  static final int MAX_ITERATIONS = 1_000_000;

  static final int MAX_OUTPUT_CHARS = 16 * 1024 * 1024;

  private final TemplateSource source;
  private final ConcurrentHashMap<String, TemplateParser> parsers = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, LookupTable> tables = new ConcurrentHashMap<>();

  public TemplateCompiler(TemplateSource source) {
    this.source = source;
  }

  /** Whether {@code name} is a template this compiler understands. */
  public static boolean isTemplate(String name) {
    return name.endsWith(".liquid") || name.endsWith(".tpl");
  }

  /** Compiles the template stored as {@code name}. */
  public CompiledTemplate compile(String name) throws TemplateException {
    String text =
        source
            .text(name)
            .orElseThrow(
                () -> new TemplateException(name, 0, "no such template in the store", null));
    return compile(name, text);
  }

  /** Compiles {@code text} as if stored under {@code name}. */
  public CompiledTemplate compile(String name, String text) throws TemplateException {
    if (name.endsWith(".tpl")) {
      return PlaceholderTemplate.compile(name, text);
    }
    if (!name.endsWith(".liquid")) {
      throw new TemplateException(
          name, 0, "unknown template kind (expected .liquid or .tpl)", null);
    }
    TemplateParser parser = parsers.computeIfAbsent(Names.folderOf(name), this::parserFor);
    try {
      return new LiquidTemplate(name, parser.parse(text), parser);
    } catch (RuntimeException e) {
      throw LiquidTemplate.failure(name, e);
    }
  }

  private TemplateParser parserFor(String folder) {
    TableSource folderTables = tableName -> table(folder, tableName);
    TemplateParser.Builder builder =
        new TemplateParser.Builder()
            .withFlavor(Flavor.LIQUID)
            .withErrorMode(TemplateParser.ErrorMode.STRICT)
            .withShowExceptionsFromInclude(true)
            .withMaxIterations(MAX_ITERATIONS)
            .withMaxSizeRenderedString(MAX_OUTPUT_CHARS)
            .withNameResolver(include -> resolveInclude(folder, include))
            .withFilter(new EscapeFilter())
            .withFilter(new RawFilter())
            .withFilter(new LookupFilter(folderTables));
    for (Filter f : DateFilters.all()) {
      builder.withFilter(f);
    }
    return builder.build();
  }

  private CharStreamWithLocation resolveInclude(String folder, String include) throws IOException {
    String full = Names.within(folder, include);
    String text = source.text(full).or(() -> source.text(full + ".liquid")).orElse(null);
    if (text == null) {
      throw new IOException("include '" + include + "' not found in folder '" + folder + "'");
    }
    return new CharStreamWithLocation(CharStreams.fromString(text, full));
  }

  private LookupTable table(String folder, String tableName) throws IOException {
    String base = Names.within(folder, tableName);
    LookupTable cached = tables.get(base);
    if (cached != null) {
      return cached;
    }
    for (String candidate : new String[] {base, base + ".csv", base + ".yaml", base + ".yml"}) {
      if (!candidate.endsWith(".csv")
          && !candidate.endsWith(".yaml")
          && !candidate.endsWith(".yml")) {
        continue;
      }
      var text = source.text(candidate);
      if (text.isPresent()) {
        LookupTable table = LookupTable.parse(candidate, text.get());
        tables.put(base, table);
        return table;
      }
    }
    throw new IOException("lookup table '" + tableName + "' not found in folder '" + folder + "'");
  }
}
