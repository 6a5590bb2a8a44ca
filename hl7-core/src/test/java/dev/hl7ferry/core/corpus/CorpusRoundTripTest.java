package dev.hl7ferry.core.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hl7ferry.core.charset.CharsetPolicy;
import dev.hl7ferry.core.charset.DecodedMessage;
import dev.hl7ferry.core.charset.MessageDecoder;
import dev.hl7ferry.core.message.Hl7Message;
import dev.hl7ferry.core.message.MessageHeader;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every fixture decodes from its bytes to the intended text and re-encodes unchanged. */
class CorpusRoundTripTest {
  private final MessageDecoder decoder = new MessageDecoder(CharsetPolicy.DEFAULT);

  static List<String> fixtures() {
    return Fixtures.names();
  }

  @Test
  void theCorpusIsLargeAndVaried() throws Exception {
    List<String> names = Fixtures.names();
    assertTrue(names.size() >= 30, "at least 30 fixtures, got " + names.size());
    Set<String> types = new HashSet<>();
    Set<String> versions = new HashSet<>();
    for (String name : names) {
      MessageHeader h = Hl7Message.parse(Fixtures.expectedText(name)).header();
      types.add(h.messageCode());
      versions.add(h.versionId());
    }
    assertTrue(
        types.containsAll(Set.of("ADT", "ORU", "ORM", "SIU", "MDM", "VXU", "ACK")),
        types.toString());
    assertTrue(
        versions.containsAll(
            Set.of("2.2", "2.3", "2.3.1", "2.4", "2.5", "2.5.1", "2.6", "2.7", "2.8")),
        versions.toString());
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void bytesDecodeToTheIntendedTextInTheDeclaredCharset(String name) throws Exception {
    DecodedMessage decoded = decoder.decode(Fixtures.bytes(name));
    assertEquals(
        Fixtures.expectedText(name), Fixtures.withCrSeparators(decoded.message().text()), name);
    assertFalse(decoded.fallbackUsed() && Fixtures.NON_ASCII.containsKey(name), name);
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void parsingThenEncodingGivesTheOriginalTextWithCrSeparators(String name) throws Exception {
    Hl7Message message = decoder.decode(Fixtures.bytes(name)).message();
    assertEquals(Fixtures.expectedText(name), message.encode(), name);
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void everyLeafSurvivesDecodeThenEncode(String name) throws Exception {
    Hl7Message message = Hl7Message.parse(Fixtures.expectedText(name));
    for (var segment : message.segments()) {
      int first = segment.name().equals("MSH") ? 3 : 1;
      for (int n = first; n <= segment.fieldCount(); n++) {
        for (int r = 1; r <= segment.repetitionCount(n); r++) {
          String rep = segment.raw(n, r, 0, 0);
          int comps = count(rep, message.delimiters().component());
          for (int c = 1; c <= comps; c++) {
            String comp = segment.raw(n, r, c, 0);
            int subs = count(comp, message.delimiters().subcomponent());
            for (int s = 1; s <= subs; s++) {
              String value = segment.value(n, r, c, s);
              String reEncoded = message.escaping().encode(value);
              assertEquals(
                  value,
                  message.escaping().decode(reEncoded),
                  name + " " + segment.name() + "-" + n);
            }
          }
        }
      }
    }
  }

  static int count(String s, char sep) {
    int parts = 1;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == sep) {
        parts++;
      }
    }
    return parts;
  }
}
