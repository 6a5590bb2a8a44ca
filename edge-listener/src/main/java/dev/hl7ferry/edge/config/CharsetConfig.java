package dev.hl7ferry.edge.config;

import java.nio.charset.Charset;
import java.util.List;

/** The {@code charset} section: how message bytes are decoded when MSH-18 does not settle it. */
public record CharsetConfig(String fallback, boolean latin1AsWindows1252, boolean strict) {

  List<String> problems() {
    return new Problems("charset")
        .require(
            fallback != null && Charset.isSupported(fallback),
            "fallback",
            "unknown charset '" + fallback + "'")
        .list();
  }
}
