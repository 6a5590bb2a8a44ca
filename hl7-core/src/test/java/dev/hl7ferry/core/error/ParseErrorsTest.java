package dev.hl7ferry.core.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hl7ferry.core.charset.CharsetPolicy;
import dev.hl7ferry.core.charset.MessageDecoder;
import dev.hl7ferry.core.message.Hl7Message;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Unparseable input gives a typed error with what a negative ACK needs: the table 0357 code, the
 * location and a text, plus the header as far as it could be read.
 */
class ParseErrorsTest {

  @ParameterizedTest(name = "[{0}] -> {1} at {2}")
  @CsvSource(
      delimiter = ';',
      value = {
        "'';                                          100; MSH;    false",
        "PID|1||X;                                    100; MSH;    false",
        "'  <CRLF>';                                  100; MSH;    false",
        "MSG|^~\\&|A;                                 100; MSH;    false",
        "MSH;                                         102; MSH-1;  false",
        "MSH1^~\\&;                                   102; MSH-1;  false",
        "MSH|;                                        102; MSH-2;  false",
        "MSH|^^\\&|A;                                 102; MSH-2;  false",
        "MSH|^~\\&#!/|A;                              102; MSH-2;  false",
        "MSH|^~\\&|A|B;                               101; MSH-9;  true",
        "MSH|^~\\&|A|B|C|D|2026||;                    101; MSH-9;  true",
        "MSH|^~\\&|A|B|C|D|2026||ADT^A01;             101; MSH-10; true",
        "MSH|^~\\&|A|B|C|D|2026||ADT^A01|  |P|2.5;    101; MSH-10; true",
      })
  void unreadableInputIsATypedErrorCarryingCodeLocationAndText(
      String input, int code, String location, boolean hasHeader) {
    Hl7ParseException e =
        assertThrows(
            Hl7ParseException.class,
            () -> Hl7Message.parse(input.replace("<CRLF>", "\r\n")).header().requireMinimum());
    assertEquals(code, e.error().code().code());
    assertEquals(location, e.error().location().toString());
    assertEquals(Severity.ERROR, e.error().severity());
    assertFalse(e.error().text().isBlank());
    assertEquals(hasHeader, e.partialHeader().isPresent());
    assertTrue(e.getMessage().startsWith(code + " "), e.getMessage());
  }

  @ParameterizedTest(name = "[{0}] -> {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "'';                   100",
        "hello world;          100",
        "MSH;                  102",
        "MSH|~~\\&|;           102",
      })
  void decodingBytesReportsTheSameTypedErrors(String input, int code) {
    MessageDecoder decoder = new MessageDecoder(CharsetPolicy.DEFAULT);
    byte[] bytes = input.getBytes(StandardCharsets.US_ASCII);
    Hl7ParseException e = assertThrows(Hl7ParseException.class, () -> decoder.decode(bytes));
    assertEquals(code, e.error().code().code());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "MSH^1;           MSH; 1, 0, 0, 0, 0",
        "MSH^1^10;        MSH; 1, 10, 0, 0, 0",
        "PID^2^5^3^1;     PID; 2, 5, 3, 1, 0",
        "OBX^1^5^^2;      OBX; 1, 5, 0, 2, 0",
      })
  void locationsAreWrittenAsErl(String erl, String segment, String indexes) {
    String[] p = indexes.split(",\\s*");
    ErrorLocation location =
        new ErrorLocation(
            segment,
            Integer.parseInt(p[0]),
            Integer.parseInt(p[1]),
            Integer.parseInt(p[2]),
            Integer.parseInt(p[3]),
            Integer.parseInt(p[4]));
    assertEquals(erl, location.toErl('^'));
  }
}
