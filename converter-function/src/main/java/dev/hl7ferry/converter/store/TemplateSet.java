package dev.hl7ferry.converter.store;

import dev.hl7ferry.converter.render.TemplateLookup;
import dev.hl7ferry.converter.route.RouteConfigException;
import dev.hl7ferry.converter.route.RouteLoader;
import dev.hl7ferry.converter.route.RouteTable;
import dev.hl7ferry.converter.template.CompiledTemplate;
import dev.hl7ferry.converter.template.TemplateCompiler;
import dev.hl7ferry.converter.template.TemplateException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One version of the store's content: the routes and the files, with templates compiled on first
 * use and cached. A template that does not compile is cached as its error, so it fails only the
 * messages whose route names it.
 */
public final class TemplateSet implements TemplateLookup {
  /** The routes file's name at the store root. */
  public static final String ROUTES = "routes.yaml";

  private final Map<String, String> texts;
  private final Map<String, String> etags;
  private final RouteTable routes;
  private final RouteConfigException routesError;
  private final TemplateCompiler compiler;
  private final ConcurrentHashMap<String, Object> compiled = new ConcurrentHashMap<>();

  /** A set over file texts by name, with the ETags they were read at. */
  public TemplateSet(Map<String, String> texts, Map<String, String> etags) {
    this.texts = Map.copyOf(texts);
    this.etags = Map.copyOf(etags);
    RouteTable table = null;
    RouteConfigException error = null;
    String routesText = this.texts.get(ROUTES);
    try {
      if (routesText == null) {
        throw new RouteConfigException(ROUTES + ": missing from the template store");
      }
      table = RouteLoader.parse(ROUTES, routesText);
    } catch (RouteConfigException e) {
      error = e;
    }
    this.routes = table;
    this.routesError = error;
    this.compiler = new TemplateCompiler(name -> Optional.ofNullable(this.texts.get(name)));
  }

  /** The routes, or the error that made the routes file unusable. */
  public RouteTable routes() throws RouteConfigException {
    if (routesError != null) {
      throw routesError;
    }
    return routes;
  }

  @Override
  public CompiledTemplate template(String name) throws TemplateException {
    Object cached = compiled.get(name);
    if (cached == null) {
      try {
        cached = compiler.compile(name);
      } catch (TemplateException e) {
        cached = e;
      }
      compiled.putIfAbsent(name, cached);
    }
    if (cached instanceof TemplateException e) {
      throw new TemplateException(e.template(), e.line(), e.reason(), e);
    }
    return (CompiledTemplate) cached;
  }

  /** The ETags this set was read at, by name. */
  Map<String, String> etags() {
    return etags;
  }

  /** The file texts, by name. */
  Map<String, String> texts() {
    return texts;
  }
}
