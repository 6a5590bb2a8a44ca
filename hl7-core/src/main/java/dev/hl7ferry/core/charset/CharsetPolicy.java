package dev.hl7ferry.core.charset;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * How to decode a message's bytes when MSH-18 does not settle it.
 *
 * @param fallback charset for an empty or unknown MSH-18
 * @param latin1AsWindows1252 read "8859/1" as windows-1252, a superset that real senders emit under
 *     that label (bytes 0x80-0x9F are printable there, control codes in ISO-8859-1)
 * @param strict refuse bytes that are invalid in the chosen charset instead of replacing them
 */
public record CharsetPolicy(Charset fallback, boolean latin1AsWindows1252, boolean strict) {

  /** Fallback ISO-8859-1 (every byte decodes), 8859/1 read as windows-1252, strict. */
  public static final CharsetPolicy DEFAULT =
      new CharsetPolicy(StandardCharsets.ISO_8859_1, true, true);

  /** The charset to decode with, given MSH-18. */
  public Resolved resolve(String msh18) {
    var declared = Hl7Charsets.lookup(msh18);
    if (declared.isEmpty()) {
      return new Resolved(fallback, true);
    }
    Charset cs = declared.get();
    if (latin1AsWindows1252 && cs.equals(StandardCharsets.ISO_8859_1)) {
      cs = Charset.forName("windows-1252");
    }
    return new Resolved(cs, false);
  }

  /** The outcome of {@link #resolve}: the charset and whether the fallback was used. */
  public record Resolved(Charset charset, boolean fallbackUsed) {}
}
