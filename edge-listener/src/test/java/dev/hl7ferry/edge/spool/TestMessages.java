package dev.hl7ferry.edge.spool;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Builds spool inputs from the ORU^R01 fixture, one control id per message. */
final class TestMessages {
  private static final String TEMPLATE = load("/spool/oru-r01.hl7");

  private TestMessages() {}

  /** The fixture with MSH-10 set to {@code controlId}. */
  static IncomingMessage message(String controlId) {
    return withText(controlId, text(controlId, ""));
  }

  /** Same sender and control id as {@link #message}, other bytes (a sender reusing ids). */
  static IncomingMessage variant(String controlId, String note) {
    return withText(controlId, text(controlId, "NTE|2||" + note + "\r"));
  }

  /** The fixture padded with a comment segment to exactly {@code size} bytes. */
  static IncomingMessage sized(String controlId, int size) {
    String base = text(controlId, "");
    int padding = size - base.length() - "NTE|2||\r".length();
    if (padding < 0) {
      return withText(controlId, base);
    }
    return withText(controlId, text(controlId, "NTE|2||" + "x".repeat(padding) + "\r"));
  }

  private static String text(String controlId, String extraSegment) {
    return TEMPLATE.replace("|CONTROL|", "|" + controlId + "|") + extraSegment;
  }

  private static IncomingMessage withText(String controlId, String text) {
    return new IncomingMessage(
        text.getBytes(StandardCharsets.UTF_8),
        "UTF-8",
        "LAB",
        "GENERAL HOSPITAL",
        "FERRY",
        "CLOUD",
        "ORU^R01^ORU_R01",
        controlId,
        "P",
        "2.5.1",
        "127.0.0.1:40000",
        Instant.parse("2026-11-22T04:15:00.123Z"));
  }

  private static String load(String resource) {
    try (InputStream in = TestMessages.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      // Segments end with CR in HL7; the fixture file uses LF so it reads well in an editor.
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\n", "\r");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
