package dev.hl7ferry.core.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hl7ferry.core.error.ErrorCode;
import dev.hl7ferry.core.error.Hl7ParseException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Delimiters come from MSH-1 and MSH-2, never assumed. */
class DelimitersTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ' ',
      quoteCharacter = '"',
      value = {
        "MSH|^~\\&|A |^~\\& ^~\\&",
        "MSH|^~\\&#|A |^~\\&# ^~\\&#",
        "MSH$%*@!$A $%*@!. %*@!",
        "MSH!@*$%!A !@*$%. @*$%",
        "MSH|^~|A |^~... ^~",
        "MSH|^~\\|A |^~\\.. ^~\\",
        "MSH|^~\\& |^~\\&. ^~\\&",
      })
  void delimitersAreReadFromMsh1AndMsh2(String header, String expected, String msh2)
      throws Exception {
    Delimiters d = Delimiters.parse(header, 0, header.length());
    String want = (expected + ".").replace('.', Delimiters.NONE); // '.' marks an absent one
    assertEquals(want.charAt(0), d.field());
    assertEquals(want.charAt(1), d.component());
    assertEquals(want.charAt(2), d.repetition());
    assertEquals(want.charAt(3), d.escape());
    assertEquals(want.charAt(4), d.subcomponent());
    assertEquals(want.charAt(5), d.truncation());
    assertEquals(msh2, d.encodingCharacters());
  }

  @ParameterizedTest(name = "{0} -> MSH-{1}")
  @CsvSource(
      delimiter = ' ',
      value = {
        "MSH 1",
        "MSHA^~\\&|X 1",
        "MSH1^~\\&|X 1",
        "MSH| 2",
        "MSH|^| 2",
        "MSH|^^\\&| 2",
        "MSH|^~\\&#!| 2",
        "MSH|^A\\&| 2",
        "MSH^^~\\&^ 2",
      })
  void unusableEncodingCharactersAreTypedErrorsAtTheirField(String header, int field) {
    Hl7ParseException e =
        assertThrows(Hl7ParseException.class, () -> Delimiters.parse(header, 0, header.length()));
    assertEquals(ErrorCode.DATA_TYPE_ERROR, e.error().code());
    assertEquals("MSH", e.error().location().segmentId());
    assertEquals(field, e.error().location().field());
  }
}
