package dev.hl7ferry.converter.template;

import java.io.IOException;

/** Resolves names a template uses (includes, tables) inside the template's own folder only. */
final class Names {
  private Names() {}

  /** The folder part of a store name, with its trailing slash ("" at the top). */
  static String folderOf(String name) {
    int slash = name.lastIndexOf('/');
    return slash < 0 ? "" : name.substring(0, slash + 1);
  }

  /**
   * {@code folder + name}, refusing anything that could leave the folder: absolute names, {@code
   * ..}, backslashes, empty parts and control characters.
   */
  static String within(String folder, String name) throws IOException {
    if (name.isEmpty()
        || name.startsWith("/")
        || name.contains("\\")
        || name.contains(":")
        || name.chars().anyMatch(c -> c < 0x20)) {
      throw new IOException("'" + name + "' is not a plain name inside the template folder");
    }
    for (String part : name.split("/", -1)) {
      if (part.isEmpty() || part.equals(".") || part.equals("..")) {
        throw new IOException("'" + name + "' leaves the template folder");
      }
    }
    return folder + name;
  }
}
