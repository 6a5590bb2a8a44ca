package dev.hl7ferry.core.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.hl7ferry.core.error.Hl7ParseException;
import dev.hl7ferry.core.fuzz.Fuzz;
import dev.hl7ferry.core.path.Hl7Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The parser under hostile text: whatever it is given, it parses or throws {@link
 * Hl7ParseException}, every accessor works on what parsed, and nothing hangs.
 */
class ParserPropertyTest {
  private static final Duration LIMIT = Duration.ofSeconds(5);
  private static final String[] PATHS = {
    "MSH-9", "MSH-9.2", "MSH-10", "PID-3", "PID-5.1.2", "PID(2)-3(2).1", "OBX-5", "ZZZ-99.9.9"
  };

  /** Text that usually starts like a header, with delimiters, escapes, breaks and non-ASCII. */
  static String hl7ish(Fuzz fuzz) {
    String noise =
        fuzz.string("|^~\\&#!$%*MSHPIDOBX0129 \r\n\t\u0000\u00e9\u2028\ufeff\ud83d", 300);
    return switch (fuzz.between(0, 4)) {
      case 0 -> "MSH" + noise;
      case 1 -> "MSH|^~\\&" + noise;
      case 2 -> "\r\n MSH" + noise;
      case 3 -> noise;
      default -> fuzz.string(200);
    };
  }

  @Test
  void anyTextParsesOrThrowsOnlyAParseExceptionWithoutHanging() {
    Fuzz.forAll(
        fuzz -> {
          String text = hl7ish(fuzz);
          assertTimeoutPreemptively(LIMIT, () -> exercise(text));
        });
  }

  @Test
  void reEncodingWhatParsedIsStable() {
    Fuzz.forAll(
        fuzz -> {
          String text = hl7ish(fuzz);
          Hl7Message first;
          try {
            first = Hl7Message.parse(text);
          } catch (Hl7ParseException e) {
            return;
          }
          String encoded = first.encode();
          assertEquals(encoded, Hl7Message.parse(encoded).encode());
        });
  }

  private static void exercise(String text) {
    Hl7Message message;
    try {
      message = Hl7Message.parse(text);
    } catch (Hl7ParseException e) {
      return; // documented: input that is not a message
    }
    MessageHeader header = message.header();
    header.typeAndTrigger();
    header.enhancedMode();
    try {
      header.requireMinimum();
      header.version();
    } catch (Hl7ParseException | IllegalArgumentException e) {
      // requireMinimum documents the parse exception; version() is only read after it passes.
    }
    for (Segment s : message.segments()) {
      s.name();
      int fields = Math.min(s.fieldCount(), 30);
      for (int n = 1; n <= fields; n++) {
        s.raw(n);
        s.value(n);
        s.repetitionCount(n);
        s.value(n, 2, 2, 2);
      }
      s.encode();
    }
    for (String path : PATHS) {
      message.get(path);
      message.raw(Hl7Path.parse(path));
    }
    message.encode();
  }
}
