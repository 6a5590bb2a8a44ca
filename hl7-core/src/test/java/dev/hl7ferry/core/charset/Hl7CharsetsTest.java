package dev.hl7ferry.core.charset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** MSH-18 (table 0211) to Java charsets, and the policy for empty, unknown and 8859/1 values. */
class Hl7CharsetsTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "ASCII, US-ASCII",
    "8859/1, ISO-8859-1",
    "8859/2, ISO-8859-2",
    "8859/3, ISO-8859-3",
    "8859/4, ISO-8859-4",
    "8859/5, ISO-8859-5",
    "8859/6, ISO-8859-6",
    "8859/7, ISO-8859-7",
    "8859/8, ISO-8859-8",
    "8859/9, ISO-8859-9",
    "8859/15, ISO-8859-15",
    "ISO IR6, US-ASCII",
    "ISO IR14, JIS_X0201",
    "ISO IR87, ISO-2022-JP",
    "ISO IR159, ISO-2022-JP-2",
    "GB 18030-2000, GB18030",
    "KS X 1001, EUC-KR",
    "CNS 11643-1992, x-EUC-TW",
    "BIG-5, Big5",
    "UNICODE, UTF-8",
    "UNICODE UTF-8, UTF-8",
    "UNICODE UTF-16, UTF-16",
    "UNICODE UTF-32, UTF-32",
    "unicode utf-8, UTF-8",
    "' 8859/1 ', ISO-8859-1",
    "UTF-8, UTF-8",
    "windows-1252, windows-1252",
  })
  void tableValuesMapToJavaCharsets(String msh18, String javaName) {
    assertEquals(Charset.forName(javaName), Hl7Charsets.lookup(msh18).orElseThrow());
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(strings = {"", "  ", "8859/99", "KLINGON", "ISO IR999"})
  void blankAndUnknownValuesHaveNoCharset(String msh18) {
    assertTrue(Hl7Charsets.lookup(msh18).isEmpty());
  }

  @Test
  void javaCharsetsMapBackToTheirTableName() {
    assertEquals("UNICODE UTF-8", Hl7Charsets.hl7Name(StandardCharsets.UTF_8).orElseThrow());
    assertEquals("8859/1", Hl7Charsets.hl7Name(StandardCharsets.ISO_8859_1).orElseThrow());
    assertEquals("ASCII", Hl7Charsets.hl7Name(StandardCharsets.US_ASCII).orElseThrow());
    assertFalse(Hl7Charsets.hl7Name(Charset.forName("windows-1252")).isPresent());
  }

  @ParameterizedTest(name = "[{0}] -> {1} fallback={2}")
  @CsvSource({
    "'', ISO-8859-1, true",
    "NONSENSE, ISO-8859-1, true",
    "8859/1, windows-1252, false",
    "8859/15, ISO-8859-15, false",
    "UNICODE UTF-8, UTF-8, false",
  })
  void theDefaultPolicyFallsBackAndReadsLatin1AsWindows1252(
      String msh18, String charset, boolean fallback) {
    CharsetPolicy.Resolved r = CharsetPolicy.DEFAULT.resolve(msh18);
    assertEquals(Charset.forName(charset), r.charset());
    assertEquals(fallback, r.fallbackUsed());
  }

  @Test
  void aConfiguredPolicyUsesItsOwnFallbackAndCanReadLatin1Literally() {
    CharsetPolicy policy = new CharsetPolicy(StandardCharsets.UTF_8, false, false);
    assertEquals(StandardCharsets.UTF_8, policy.resolve("").charset());
    assertEquals(StandardCharsets.ISO_8859_1, policy.resolve("8859/1").charset());
  }
}
