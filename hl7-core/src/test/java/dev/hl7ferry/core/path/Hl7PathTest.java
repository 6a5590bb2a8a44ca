package dev.hl7ferry.core.path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** HL7 paths are 1-based, as the standard numbers fields, repetitions and components. */
class Hl7PathTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "PID-5,        PID, 1, 5, 1, 0, 0",
    "PID-5.1,      PID, 1, 5, 1, 1, 0",
    "PID-3(2).1,   PID, 1, 3, 2, 1, 0",
    "OBX(3)-5,     OBX, 3, 5, 1, 0, 0",
    "MSH-9.2,      MSH, 1, 9, 1, 2, 0",
    "MSH-1,        MSH, 1, 1, 1, 0, 0",
    "PID-11.1.2,   PID, 1, 11, 1, 1, 2",
    "OBX(12)-5(3).2.4, OBX, 12, 5, 3, 2, 4",
    "ZP1-2,        ZP1, 1, 2, 1, 0, 0",
  })
  void pathsParseToOneBasedIndexes(
      String text, String segment, int occurrence, int field, int rep, int comp, int sub) {
    Hl7Path p = Hl7Path.parse(text);
    assertEquals(new Hl7Path(segment, occurrence, field, rep, comp, sub), p);
    assertEquals(text, p.toString());
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(
      strings = {
        "",
        "PID",
        "PID-",
        "PID-0",
        "PID-5.0",
        "PID(0)-5",
        "PID-3()",
        "PI-5",
        "PID-5.x",
        "PID-5..1",
        "PID-5.1.2.3",
        "P!D-5",
        "PID-5 junk",
        "PID-999999999"
      })
  void malformedPathsAreRejectedWithTheReason(String text) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Hl7Path.parse(text));
    assertTrue(e.getMessage().contains("HL7 path"), e.getMessage());
  }
}
