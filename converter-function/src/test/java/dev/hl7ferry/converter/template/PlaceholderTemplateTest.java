package dev.hl7ferry.converter.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hl7ferry.core.message.Hl7Message;
import org.junit.jupiter.api.Test;

class PlaceholderTemplateTest {
  private static final String MSG =
      "MSH|^~\\&|APP|FAC|RAPP|RFAC|20260101||ADT^A01|CTRL42|P|2.3\rPID|1||123^^^X||DOE^JO\r";

  private static String render(String template) throws Exception {
    return PlaceholderTemplate.compile("t.tpl", template)
        .render(new RenderInput(Hl7Message.parse(MSG), new Fresh("", "")));
  }

  @Test
  void mshIndexesFollowPlainSplitSoZeroNineIsTheControlId() throws Exception {
    assertEquals("CTRL42 MSH ^~\\& APP", render("{0-9} {0-0} {0-1} {0-2}"));
  }

  @Test
  void outOfRangeSegmentsAndFieldsRenderEmpty() throws Exception {
    assertEquals("[][][]", render("[{7-1}][{1-99}][{0-99999999999}]"));
  }

  @Test
  void fieldsAreCopiedRawWithComponentsAndEscapesIntact() throws Exception {
    assertEquals("123^^^X|DOE^JO", render("{1-3}|{1-5}"));
  }

  @Test
  void everyLineEndingBecomesCarriageReturn() throws Exception {
    assertEquals("A\rB\rC\rD", render("A\nB\r\nC\rD"));
  }

  @Test
  void textThatIsNotAPlaceholderStaysLiteral() throws Exception {
    assertEquals("{a-1}{1-}{-1}{1-3", render("{a-1}{1-}{-1}{1-3"));
  }
}
