package dev.hl7ferry.converter.template;

/** A parsed template, safe to share between threads and renders. */
public interface CompiledTemplate {

  /** The template's name in the store, e.g. {@code hospital-a/oru.hl7.liquid}. */
  String name();

  /** What the template produces. */
  OutputFormat format();

  /** Renders the template; the text is not yet checked or normalised (see the render package). */
  String render(RenderInput input) throws TemplateException;
}
