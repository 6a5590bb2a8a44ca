package dev.hl7ferry.core.escape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hl7ferry.core.message.Delimiters;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Escaping for any delimiters: encode then decode gives the value back, decode never fails. */
class EscapingPropertyTest {
  private static final String DELIMITER_POOL = "|^~\\&#!$%*@+=:;/?<>";

  /** Six distinct usable characters; the truncation character is absent one time in three. */
  @Provide
  static Arbitrary<Delimiters> delimiters() {
    Arbitrary<List<Character>> six =
        Arbitraries.of(DELIMITER_POOL.chars().mapToObj(c -> (char) c).toList())
            .list()
            .ofSize(6)
            .uniqueElements();
    return Combinators.combine(six, Arbitraries.integers().between(0, 2))
        .as(
            (c, t) ->
                new Delimiters(
                    c.get(0),
                    c.get(1),
                    c.get(2),
                    c.get(3),
                    c.get(4),
                    t == 0 ? Delimiters.NONE : c.get(5)));
  }

  @Provide
  static Arbitrary<String> values() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(100),
        Arbitraries.strings()
            .withChars(DELIMITER_POOL + "\nXxE.brF0A9 \u00e9\u20ac")
            .ofMaxLength(100));
  }

  @Provide
  static Arbitrary<Charset> charsets() {
    return Arbitraries.of(
        StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1, Charset.forName("windows-1252"));
  }

  @Property
  void decodeUndoesEncodeForEveryValueWithoutCr(
      @ForAll("delimiters") Delimiters d,
      @ForAll("values") String value,
      @ForAll("charsets") Charset charset) {
    Assume.that(value.indexOf('\r') < 0);
    Escaping escaping = new Escaping(d, charset);
    assertEquals(value, escaping.decode(escaping.encode(value)));
  }

  @Property
  void encodedValuesHoldNoSeparatorAndNoLineBreak(
      @ForAll("delimiters") Delimiters d, @ForAll("values") String value) {
    String encoded = new Escaping(d, StandardCharsets.UTF_8).encode(value);
    for (char c :
        new char[] {d.field(), d.component(), d.repetition(), d.subcomponent(), '\r', '\n'}) {
      assertTrue(encoded.indexOf(c) < 0, () -> "'" + c + "' in " + encoded);
    }
  }

  @Property
  void decodingAnyRawTextNeverThrows(
      @ForAll("delimiters") Delimiters d,
      @ForAll("values") String raw,
      @ForAll("charsets") Charset charset) {
    new Escaping(d, charset).decode(raw);
  }
}
