package dev.hl7ferry.converter.render;

import dev.hl7ferry.converter.route.Route;
import dev.hl7ferry.converter.template.Fresh;

/** Supplies the fresh MSH-7/MSH-10 values for one output. */
@FunctionalInterface
public interface FreshSource {

  /** The values for the output of {@code route} to {@code destination}. */
  Fresh fresh(Route route, String destination);
}
