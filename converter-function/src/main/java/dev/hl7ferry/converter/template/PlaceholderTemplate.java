package dev.hl7ferry.converter.template;

import dev.hl7ferry.core.message.Hl7Message;
import dev.hl7ferry.core.message.Segment;
import java.util.ArrayList;
import java.util.List;

/**
 * The legacy {@code .tpl} kind: {@code {S-F}} is replaced by field F of segment S (both 0-based),
 * with the segment's raw text split exactly as Java's {@code split("\\|")} splits it. So for MSH
 * index 0 is "MSH", 1 is MSH-2 and {@code {0-9}} is MSH-10. Out-of-range indexes give "". Every
 * line ending of the template (LF, CR or CRLF) becomes a CR. Values are copied raw, escapes intact.
 */
public final class PlaceholderTemplate implements CompiledTemplate {
  private final String name;
  private final List<Object> parts;

  private PlaceholderTemplate(String name, List<Object> parts) {
    this.name = name;
    this.parts = parts;
  }

  /** Parses the template text once into literal parts and placeholders. */
  public static PlaceholderTemplate compile(String name, String text) {
    List<Object> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\r' || c == '\n') {
        literal.append('\r');
        i += c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? 2 : 1;
        continue;
      }
      if (c == '{') {
        int end = placeholderEnd(text, i);
        if (end > 0) {
          if (literal.length() > 0) {
            parts.add(literal.toString());
            literal.setLength(0);
          }
          int dash = text.indexOf('-', i);
          parts.add(
              new Placeholder(
                  parseIndex(text.substring(i + 1, dash)),
                  parseIndex(text.substring(dash + 1, end))));
          i = end + 1;
          continue;
        }
      }
      literal.append(c);
      i++;
    }
    if (literal.length() > 0) {
      parts.add(literal.toString());
    }
    return new PlaceholderTemplate(name, List.copyOf(parts));
  }

  /** Index of the closing brace when {@code {digits-digits}} starts at {@code i}, else -1. */
  private static int placeholderEnd(String text, int i) {
    int j = i + 1;
    int digits = 0;
    while (j < text.length() && Character.isDigit(text.charAt(j))) {
      j++;
      digits++;
    }
    if (digits == 0 || j >= text.length() || text.charAt(j) != '-') {
      return -1;
    }
    j++;
    digits = 0;
    while (j < text.length() && Character.isDigit(text.charAt(j))) {
      j++;
      digits++;
    }
    return digits > 0 && j < text.length() && text.charAt(j) == '}' ? j : -1;
  }

  /** Indexes too large for an int simply never match a segment or field. */
  private static int parseIndex(String digits) {
    return digits.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(digits);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public OutputFormat format() {
    return OutputFormat.HL7;
  }

  @Override
  public String render(RenderInput input) {
    Hl7Message message = input.message();
    List<Segment> segments = message.segments();
    String[][] split = new String[segments.size()][];
    StringBuilder out = new StringBuilder(256);
    for (Object part : parts) {
      if (part instanceof Placeholder p) {
        if (p.segment() < segments.size()) {
          if (split[p.segment()] == null) {
            split[p.segment()] = segments.get(p.segment()).text().split("\\|");
          }
          String[] fields = split[p.segment()];
          if (p.field() < fields.length) {
            out.append(fields[p.field()]);
          }
        }
      } else {
        out.append((String) part);
      }
    }
    return out.toString();
  }

  private record Placeholder(int segment, int field) {}
}
