package dev.hl7ferry.converter.filter;

import java.io.IOException;

/** Finds a lookup table by the name a template gives, within the template's own folder. */
@FunctionalInterface
public interface TableSource {

  /** The table, or an exception naming what is missing or malformed. */
  LookupTable table(String name) throws IOException;
}
