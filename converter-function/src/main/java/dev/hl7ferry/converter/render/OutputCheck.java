package dev.hl7ferry.converter.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hl7ferry.converter.template.CompiledTemplate;
import dev.hl7ferry.converter.template.TemplateException;
import dev.hl7ferry.core.error.Hl7ParseException;
import dev.hl7ferry.core.message.Hl7Message;

/**
 * Checks and normalises rendered text. HL7: blank lines dropped, every line must be a segment
 * ({@code XXX|...}) starting with MSH, each ended by CR; MSH-1/MSH-2 must parse. Values are escaped
 * by the template's {@code hl7} filter, the checked text is what is sent. JSON: must parse as
 * exactly one JSON value.
 */
final class OutputCheck {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private OutputCheck() {}

  static String check(CompiledTemplate template, String rendered) throws TemplateException {
    switch (template.format()) {
      case JSON:
        return json(template, rendered);
      case HL7:
      default:
        return hl7(template, rendered);
    }
  }

  private static String json(CompiledTemplate template, String rendered) throws TemplateException {
    try {
      JSON.readTree(rendered);
    } catch (JsonProcessingException e) {
      // Jackson's message quotes the offending token, which may be a value: position only.
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
      throw new TemplateException(
          template.name(),
          0,
          "output is not valid JSON at output line " + line + ", column " + column,
          e);
    }
    return rendered.strip();
  }

  private static String hl7(CompiledTemplate template, String rendered) throws TemplateException {
    StringBuilder out = new StringBuilder(rendered.length());
    char fieldSeparator = 0;
    int lineNo = 0;
    int i = 0;
    while (i < rendered.length()) {
      int end = i;
      while (end < rendered.length()
          && rendered.charAt(end) != '\r'
          && rendered.charAt(end) != '\n') {
        end++;
      }
      lineNo++;
      String line = rendered.substring(i, end);
      i = end + 1;
      if (line.isBlank()) {
        continue;
      }
      if (fieldSeparator == 0) {
        if (!line.startsWith("MSH") || line.length() < 8) {
          throw bad(template, lineNo, "the first segment must be MSH");
        }
        fieldSeparator = line.charAt(3);
      } else if (!isSegment(line, fieldSeparator)) {
        throw bad(
            template,
            lineNo,
            "not a segment (expected a 3-character id then '" + fieldSeparator + "')");
      }
      out.append(line).append('\r');
    }
    if (fieldSeparator == 0) {
      throw bad(template, 0, "the output is empty");
    }
    String text = out.toString();
    try {
      // Parsing checks MSH-1/MSH-2; the text is already in the parser's canonical form (one
      // segment per CR, fields as written), so re-encoding it would return the same string.
      Hl7Message.parse(text).header();
      return text;
    } catch (Hl7ParseException e) {
      throw new TemplateException(
          template.name(),
          0,
          "output is not HL7: error "
              + e.error().code().code()
              + (e.error().location() == null ? "" : " at " + e.error().location()),
          e);
    }
  }

  private static boolean isSegment(String line, char fieldSeparator) {
    if (line.length() < 3) {
      return false;
    }
    for (int k = 0; k < 3; k++) {
      char c = line.charAt(k);
      if (!(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9')) {
        return false;
      }
    }
    return line.length() == 3 || line.charAt(3) == fieldSeparator;
  }

  private static TemplateException bad(CompiledTemplate template, int outputLine, String why) {
    return new TemplateException(
        template.name(), 0, "output is not HL7 (output line " + outputLine + "): " + why, null);
  }
}
