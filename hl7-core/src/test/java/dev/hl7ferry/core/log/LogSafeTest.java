package dev.hl7ferry.core.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hl7ferry.core.fuzz.Fuzz;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LogSafeTest {
  private static final String PRINTABLE =
      IntStream.rangeClosed(' ', '~')
          .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
          .toString();

  @Test
  void printableShortValuesPassUnchanged() {
    assertEquals("ADT^A01^ADT_A01", LogSafe.text("ADT^A01^ADT_A01"));
    assertEquals("MSG 00001 \\E\\ ~|&", LogSafe.text("MSG 00001 \\E\\ ~|&"));
  }

  @Test
  void lineBreaksAndEscapesCannotForgeALogLine() {
    assertEquals(
        "ADT??2026 INFO forged??[2J", LogSafe.text("ADT\r\n2026 INFO forged\u0000\u001b[2J"));
  }

  @Test
  void nonAsciiIsReplacedOneMarkPerCodePoint() {
    assertEquals("M?ller ? ?", LogSafe.text("M\u00fcller \ud83d\ude00 \u0085"));
  }

  @Test
  void longValuesAreCutWithAnEllipsis() {
    String cut = LogSafe.text("x".repeat(10_000));
    assertEquals(LogSafe.MAX_CHARS, cut.length());
    assertTrue(cut.endsWith("..."), cut);
    assertEquals("y".repeat(64), LogSafe.text("y".repeat(64)), "exactly the limit is not cut");
  }

  @Test
  void nullIsPrintedAsNull() {
    assertEquals("null", LogSafe.text(null));
  }

  @Test
  void anyValueBecomesBoundedPrintableAscii() {
    Fuzz.forAll(
        fuzz -> {
          String safe = LogSafe.text(fuzz.string(fuzz.oneOf(80, 1000)));
          assertTrue(safe.length() <= LogSafe.MAX_CHARS, safe);
          assertTrue(safe.chars().allMatch(c -> c >= 0x20 && c <= 0x7E), safe);
        });
  }

  @Test
  void printableAsciiWithinTheLimitIsKeptAsIs() {
    Fuzz.forAll(
        fuzz -> {
          String value = fuzz.string(PRINTABLE, LogSafe.MAX_CHARS);
          assertEquals(value, LogSafe.text(value));
        });
  }
}
