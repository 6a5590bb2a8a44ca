package dev.hl7ferry.core.escape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hl7ferry.core.fuzz.Fuzz;
import dev.hl7ferry.core.message.Delimiters;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Escaping for any delimiters: encode then decode gives the value back, decode never fails. */
class EscapingPropertyTest {
  private static final String DELIMITER_POOL = "|^~\\&#!$%*@+=:;/?<>";

  /** Six distinct usable characters; the truncation character is absent one time in three. */
  static Delimiters delimiters(Fuzz fuzz) {
    List<Character> pool = new ArrayList<>(DELIMITER_POOL.chars().mapToObj(c -> (char) c).toList());
    List<Character> c = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      c.add(pool.remove(fuzz.between(0, pool.size() - 1)));
    }
    return new Delimiters(
        c.get(0),
        c.get(1),
        c.get(2),
        c.get(3),
        c.get(4),
        fuzz.between(0, 2) == 0 ? Delimiters.NONE : c.get(5));
  }

  static String value(Fuzz fuzz) {
    return fuzz.bool()
        ? fuzz.string(100)
        : fuzz.string(DELIMITER_POOL + "\nXxE.brF0A9 \u00e9\u20ac", 100);
  }

  static Charset charset(Fuzz fuzz) {
    return fuzz.oneOf(
        StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1, Charset.forName("windows-1252"));
  }

  @Test
  void decodeUndoesEncodeForEveryValueWithoutCr() {
    Fuzz.forAll(
        fuzz -> {
          Delimiters d = delimiters(fuzz);
          String value = value(fuzz).replace("\r", "");
          Escaping escaping = new Escaping(d, charset(fuzz));
          assertEquals(value, escaping.decode(escaping.encode(value)));
        });
  }

  @Test
  void encodedValuesHoldNoSeparatorAndNoLineBreak() {
    Fuzz.forAll(
        fuzz -> {
          Delimiters d = delimiters(fuzz);
          String encoded = new Escaping(d, StandardCharsets.UTF_8).encode(value(fuzz));
          for (char c :
              new char[] {d.field(), d.component(), d.repetition(), d.subcomponent(), '\r', '\n'}) {
            assertTrue(encoded.indexOf(c) < 0, () -> "'" + c + "' in " + encoded);
          }
        });
  }

  @Test
  void decodingAnyRawTextNeverThrows() {
    Fuzz.forAll(fuzz -> new Escaping(delimiters(fuzz), charset(fuzz)).decode(value(fuzz)));
  }
}
