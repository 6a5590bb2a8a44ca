package dev.hl7ferry.converter.render;

import dev.hl7ferry.converter.template.CompiledTemplate;
import dev.hl7ferry.converter.template.TemplateException;

/** Finds compiled templates by store name (cached by whoever implements it). */
@FunctionalInterface
public interface TemplateLookup {

  /** The compiled template, or an exception naming the template and the line that broke it. */
  CompiledTemplate template(String name) throws TemplateException;
}
