package dev.hl7ferry.core.ack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hl7ferry.core.error.ErrorCode;
import dev.hl7ferry.core.error.ErrorLocation;
import dev.hl7ferry.core.error.Hl7Error;
import dev.hl7ferry.core.error.Hl7ParseException;
import dev.hl7ferry.core.fuzz.Fuzz;
import dev.hl7ferry.core.message.Hl7Message;
import dev.hl7ferry.core.message.Hl7Version;
import dev.hl7ferry.core.message.MessageHeader;
import dev.hl7ferry.core.message.Segment;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Any header that parses gets an ACK that parses again: MSA-2 is MSH-10, the segments are MSH, MSA
 * and (with an error) ERR, and no value adds a segment or a field.
 */
class AckBuilderPropertyTest {
  private final AckBuilder builder =
      new AckBuilder(
          new ControlIds("T"), Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC));

  /** Field text for one header field: delimiters, escapes and non-ASCII included. */
  private static String field(Fuzz fuzz) {
    return fuzz.bool()
        ? fuzz.string("^~\\&#!ACKADTR01\u00e9 .XE2.3.14.5", 20)
        : fuzz.string(20, c -> c != '\r' && c != '\n' && c != '|');
  }

  /** An MSH segment with any encoding characters, field text, version and ACK types. */
  static String msh(Fuzz fuzz) {
    String enc = fuzz.oneOf("^~\\&", "^~\\&#", "^~", "^~\\", "#!$%*");
    List<String> f = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      f.add(field(fuzz));
    }
    String v = fuzz.oneOf("2.1", "2.2", "2.3", "2.3.1", "2.5", "2.8", "", "x");
    String ack = fuzz.oneOf("", "AL", "NE", "ER", "SU", "XX");
    String charset = field(fuzz);
    return String.join(
        "|",
        List.of(
            "MSH", enc, f.get(0), f.get(1), f.get(2), f.get(3), f.get(4), "", f.get(5), f.get(6),
            f.get(7), v, "", "", ack, ack, "", charset));
  }

  @Test
  void everyAckParsesAndAcknowledgesTheOriginalControlId() {
    Fuzz.forAll(
        fuzz -> {
          String msh = msh(fuzz);
          AckOutcome outcome = fuzz.oneOf(AckOutcome.values());
          boolean withError = fuzz.bool();
          MessageHeader header;
          try {
            header = Hl7Message.parse(msh + "\rPID|1\r").header();
          } catch (Hl7ParseException e) {
            return; // not a header; the reject path is covered below
          }
          Hl7Error error =
              withError
                  ? Hl7Error.error(
                      ErrorCode.DATA_TYPE_ERROR,
                      ErrorLocation.field("PID", 3),
                      "bad |value^\r\nMSH|forged")
                  : null;
          checkAck(header, builder.build(header, outcome, error), error != null);
        });
  }

  @Test
  void aRejectOfAnyUnparsableInputParsesAgain() {
    Fuzz.forAll(
        fuzz -> {
          String msh = msh(fuzz);
          String tail = fuzz.string(255);
          try {
            Hl7Message.parse(msh.substring(0, Math.min(msh.length(), 6)) + tail)
                .header()
                .requireMinimum();
          } catch (Hl7ParseException e) {
            MessageHeader addressed = e.partialHeader().orElse(null);
            Ack ack = builder.reject(e, AckOutcome.REJECT);
            Hl7Message parsed = parse(ack);
            assertEquals("MSA", parsed.segments().get(1).name());
            if (addressed != null) {
              assertEquals(addressed.controlId(), parsed.segments().get(1).raw(2));
            }
          }
        });
  }

  private static void checkAck(MessageHeader original, Ack ack, boolean withError) {
    Hl7Message parsed = parse(ack);
    List<Segment> segments = parsed.segments();
    boolean err = withError && original.version().atLeast(Hl7Version.V2_5);
    assertEquals(err ? 3 : 2, segments.size(), ack::text);
    assertEquals("MSH", segments.get(0).name());
    assertEquals("MSA", segments.get(1).name());
    Segment msa = segments.get(1);
    assertEquals(original.controlId(), msa.raw(2), ack::text);
    assertEquals(ack.acknowledgedControlId(), msa.raw(2));
    assertEquals(ack.code().name(), msa.raw(1));
    assertTrue(msa.fieldCount() <= 6, ack::text);
    MessageHeader h = parsed.header();
    assertEquals(original.sendingApplication(), h.receivingApplication(), ack::text);
    assertEquals(original.sendingFacility(), h.receivingFacility(), ack::text);
    assertEquals(original.receivingApplication(), h.sendingApplication(), ack::text);
    assertEquals(original.receivingFacility(), h.sendingFacility(), ack::text);
    assertEquals(ack.controlId(), h.controlId());
    assertEquals(original.processingId(), h.processingId(), ack::text);
    assertEquals(original.triggerEvent(), h.triggerEvent(), ack::text);
    assertEquals(original.characterSet(), h.characterSet(), ack::text);
    assertTrue(segments.get(0).fieldCount() <= 18, ack::text);
    if (err) {
      assertEquals("ERR", segments.get(2).name());
      assertTrue(segments.get(2).fieldCount() <= 8, ack::text);
    }
  }

  private static Hl7Message parse(Ack ack) {
    assertTrue(ack.text().indexOf('\n') < 0, ack::text);
    try {
      return Hl7Message.parse(ack.text());
    } catch (Hl7ParseException e) {
      throw new AssertionError("the ACK does not parse: " + ack.text(), e);
    }
  }
}
