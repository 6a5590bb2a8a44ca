package dev.hl7ferry.core.escape;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hl7ferry.core.message.Delimiters;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Escape sequences are decoded on read and applied on write, for the message's delimiters. */
class EscapingTest {
  private static final Delimiters V27 = new Delimiters('|', '^', '~', '\\', '&', '#');
  private static final Delimiters CUSTOM = new Delimiters('$', '%', '*', '@', '!', '\0');
  private final Escaping standard = new Escaping(Delimiters.DEFAULT, StandardCharsets.UTF_8);

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = ' ',
      emptyValue = "",
      value = {
        "a\\F\\b a|b",
        "a\\S\\b a^b",
        "a\\T\\b a&b",
        "a\\R\\b a~b",
        "a\\E\\b a\\b",
        "\\F\\\\S\\\\T\\\\R\\\\E\\ |^&~\\",
        "one\\.br\\two one<LF>two",
        "\\X41\\ A",
        "\\X414243\\! ABC!",
        "\\XC3A9\\t\\XC3A9\\ été",
        "\\H\\bold\\N\\ \\H\\bold\\N\\",
        "\\.sp2\\x \\.sp2\\x",
        "\\Zlocal\\ \\Zlocal\\",
        "\\X4\\ \\X4\\",
        "\\XZZ\\ \\XZZ\\",
        "trailing\\ trailing\\",
        "\\P\\ \\P\\",
        "plain plain",
      })
  void escapesDecodeToTheirCharacters(String raw, String decoded) {
    assertEquals(decoded.replace("<LF>", "\n"), standard.decode(raw));
  }

  @Test
  void hexEscapesAreReadInTheMessageCharset() {
    Charset latin1 = StandardCharsets.ISO_8859_1;
    assertEquals("é", new Escaping(Delimiters.DEFAULT, latin1).decode("\\XE9\\"));
    assertEquals("é", standard.decode("\\XC3A9\\"));
  }

  @Test
  void theTruncationEscapeNeedsATruncationCharacter() {
    Escaping v27 = new Escaping(V27, StandardCharsets.UTF_8);
    assertEquals("A#B", v27.decode("A\\P\\B"));
    assertEquals("A\\P\\B", v27.encode("A#B"));
    assertEquals("A#B", standard.encode("A#B"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = ' ',
      value = {
        "a|b a\\F\\b",
        "a^b a\\S\\b",
        "a&b a\\T\\b",
        "a~b a\\R\\b",
        "a\\b a\\E\\b",
        "l1<LF>l2 l1\\.br\\l2",
        "l1<CR><LF>l2 l1\\.br\\l2",
        "plain plain",
      })
  void encodingEscapesDelimitersAndLineBreaks(String value, String raw) {
    String v = value.replace("<LF>", "\n").replace("<CR>", "\r");
    assertEquals(raw, standard.encode(v));
    assertEquals(v.replace("\r\n", "\n"), standard.decode(standard.encode(v)));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ' ',
      value = {
        "a\\F\\b\\S\\c\\T\\d\\R\\e\\E\\f",
        "one\\.br\\two",
        "nothing-special",
        "ÅØ\\F\\東京",
      })
  void encodeOfDecodeGivesBackCanonicalEscapedText(String raw) {
    assertEquals(raw, standard.encode(standard.decode(raw)));
  }

  @Test
  void customDelimitersEscapeWithTheirOwnEscapeCharacter() {
    Escaping custom = new Escaping(CUSTOM, StandardCharsets.UTF_8);
    assertEquals("@F@@S@@R@@T@@E@", custom.encode("$%*!@"));
    assertEquals("$%*!@", custom.decode("@F@@S@@R@@T@@E@"));
    assertEquals("a|b^c~d&e\\f", custom.encode("a|b^c~d&e\\f"));
  }

  @Test
  void aMessageWithoutAnEscapeCharacterDecodesNothing() {
    Escaping none = new Escaping(new Delimiters('|', '^', '~', '\0', '\0', '\0'), null);
    assertEquals("a\\F\\b", none.decode("a\\F\\b"));
  }
}
