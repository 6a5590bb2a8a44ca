package dev.hl7ferry.converter.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hl7ferry.converter.template.CompiledTemplate;
import dev.hl7ferry.converter.template.OutputFormat;
import dev.hl7ferry.converter.template.RenderInput;
import dev.hl7ferry.converter.template.TemplateException;
import org.junit.jupiter.api.Test;

/** Rejected outputs are described by position and code, never by the rendered values. */
class OutputCheckTest {

  private static CompiledTemplate named(String name, OutputFormat format) {
    return new CompiledTemplate() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public OutputFormat format() {
        return format;
      }

      @Override
      public String render(RenderInput input) {
        throw new UnsupportedOperationException("only the check runs here");
      }
    };
  }

  @Test
  void invalidJsonIsReportedByLineAndColumnNotByItsToken() {
    TemplateException e =
        assertThrows(
            TemplateException.class,
            () ->
                OutputCheck.check(
                    named("t.json.liquid", OutputFormat.JSON), "{\n \"name\": SMITH }"));
    assertFalse(e.getMessage().contains("SMITH"), e.getMessage());
    assertEquals("output is not valid JSON at output line 2, column 10", e.reason());
  }

  @Test
  void unparsableHl7IsReportedByErrorCodeAndField() {
    TemplateException e =
        assertThrows(
            TemplateException.class,
            () -> OutputCheck.check(named("t.hl7.liquid", OutputFormat.HL7), "MSH|^^SMITH|x\r"));
    assertFalse(e.getMessage().contains("SMITH"), e.getMessage());
    assertEquals("output is not HL7: error 102 at MSH-2", e.reason());
  }
}
