package dev.hl7ferry.converter.render;

import dev.hl7ferry.converter.route.Route;
import dev.hl7ferry.converter.route.RouteInput;
import dev.hl7ferry.converter.route.RouteTable;
import dev.hl7ferry.converter.template.CompiledTemplate;
import dev.hl7ferry.converter.template.RenderInput;
import dev.hl7ferry.converter.template.TemplateException;
import dev.hl7ferry.core.message.Hl7Message;
import java.util.ArrayList;
import java.util.List;

/**
 * The converter's pure core: selects routes for a message (or a vendor's result and the original it
 * answers), renders each route's template once per destination and checks every output. The message
 * is parsed once by the caller and shared.
 */
public final class Converter {
  private Converter() {}

  /** Converts one inbound message whose site is not known (offline rendering). */
  public static Conversion convert(
      Hl7Message message, RouteTable routes, TemplateLookup templates, FreshSource fresh)
      throws TemplateException {
    return convert(RouteInput.inbound(message, null), null, routes, templates, fresh);
  }

  /**
   * Converts one input: an inbound message ({@code result} null) or a result ({@code result} the
   * parsed result, {@code input.message()} the original). A template that fails to compile, render
   * or produce valid output fails the whole input (so it can be retried or dead-lettered) with an
   * error naming the template.
   */
  public static Conversion convert(
      RouteInput input,
      Object result,
      RouteTable routes,
      TemplateLookup templates,
      FreshSource fresh)
      throws TemplateException {
    List<Route> selected = routes.select(input);
    if (selected.isEmpty()) {
      return new Conversion(List.of(), true);
    }
    List<Output> outputs = new ArrayList<>();
    for (Route route : selected) {
      CompiledTemplate template = templates.template(route.template());
      for (String destination : route.destinations()) {
        String rendered =
            template.render(
                new RenderInput(input.message(), fresh.fresh(route, destination), result));
        outputs.add(
            new Output(
                route.name(),
                destination,
                template.name(),
                template.format(),
                OutputCheck.check(template, rendered)));
      }
    }
    return new Conversion(outputs, false);
  }
}
