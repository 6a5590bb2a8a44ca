package dev.hl7ferry.converter.template;

import java.util.Optional;

/** Read access to the files of one template store snapshot, by name ({@code folder/file.ext}). */
@FunctionalInterface
public interface TemplateSource {

  /** The file's text, or empty when the store has no such file. */
  Optional<String> text(String name);
}
