package dev.hl7ferry.core.ack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hl7ferry.core.error.ErrorCode;
import dev.hl7ferry.core.error.ErrorLocation;
import dev.hl7ferry.core.error.Hl7Error;
import dev.hl7ferry.core.error.Hl7ParseException;
import dev.hl7ferry.core.message.Hl7Message;
import dev.hl7ferry.core.message.MessageHeader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The acknowledgement rules of the standard, one table per rule. */
class AckBuilderTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-22T04:00:00.005Z"), ZoneOffset.UTC);
  private final AckBuilder builder = new AckBuilder(new ControlIds("T"), CLOCK);

  static MessageHeader header(String msh) throws Hl7ParseException {
    return Hl7Message.parse(msh + "\rPID|1\r").header();
  }

  static String msh(String version, String msh15, String msh16) {
    return "MSH|^~\\&|LAB^1.2^ISO|HOSP^9.9^ISO|EHR^3.4^ISO|HOSP2|20260101||ORU^R01^ORU_R01|CTRL1"
        + "|P^T|"
        + version
        + "|||"
        + msh15
        + "|"
        + msh16;
  }

  static Hl7Message parse(Ack ack) throws Hl7ParseException {
    return Hl7Message.parse(ack.text());
  }

  @Test
  void aPositiveAckIsExactlyAsTheStandardLaysItOut() throws Exception {
    Ack ack = builder.accept(header(msh("2.5.1", "", "")));
    assertEquals(
        "MSH|^~\\&|EHR^3.4^ISO|HOSP2|LAB^1.2^ISO|HOSP^9.9^ISO|20261122040000.005+0000||"
            + "ACK^R01^ACK|T1|P^T|2.5.1\r"
            + "MSA|AA|CTRL1\r",
        ack.text());
    assertEquals(AckCode.AA, ack.code());
    assertEquals("T1", ack.controlId());
    assertEquals("CTRL1", ack.acknowledgedControlId());
    assertTrue(ack.code().positive());
  }

  @ParameterizedTest(name = "MSH-15=[{0}] MSH-16=[{1}] {2} -> {3}")
  @CsvSource({
    "'', '', ACCEPT, AA",
    "'', '', ERROR, AE",
    "'', '', REJECT, AR",
    "AL, '', ACCEPT, CA",
    "AL, '', ERROR, CE",
    "AL, '', REJECT, CR",
    "'', AL, ACCEPT, CA",
    "NE, NE, ACCEPT, CA",
    "ER, AL, REJECT, CR",
  })
  void theModeComesFromTheMessagesOwnMsh15AndMsh16(
      String msh15, String msh16, AckOutcome outcome, AckCode code) throws Exception {
    Ack ack = builder.build(header(msh("2.5", msh15, msh16)), outcome, null);
    assertEquals(code, ack.code());
    assertEquals(code.name(), parse(ack).get("MSA-1"));
    assertEquals("CTRL1", parse(ack).get("MSA-2"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ' ',
      value = {
        "MSH|^~\\&|A^1^ISO|F^2^ISO|B^3^ISO|G^4^ISO|2026||ADT^A01|C|P|2.5 |^~\\&",
        "MSH|^~\\&#|A^1^ISO|F^2^ISO|B^3^ISO|G^4^ISO|2026||ADT^A01|C|P|2.7 |^~\\&#",
        "MSH$%*@!$A%1%ISO$F%2%ISO$B%3%ISO$G%4%ISO$2026$$ADT%A01$C$P$2.4 $%*@!",
        "MSH|^~|A^1^ISO|F^2^ISO|B^3^ISO|G^4^ISO|2026||ADT^A01|C|P|2.3 |^~",
      })
  void theAckUsesTheSendersDelimitersAndSwapsAllComponentsOfSenderAndReceiver(
      String msh, String msh1and2) throws Exception {
    Hl7Message ack = parse(builder.accept(header(msh)));
    assertEquals(msh1and2, ack.get("MSH-1") + ack.get("MSH-2"));
    char c = ack.delimiters().component();
    assertEquals("B" + c + "3" + c + "ISO", ack.msh().raw(3));
    assertEquals("G" + c + "4" + c + "ISO", ack.msh().raw(4));
    assertEquals("A" + c + "1" + c + "ISO", ack.msh().raw(5));
    assertEquals("F" + c + "2" + c + "ISO", ack.msh().raw(6));
  }

  @ParameterizedTest(name = "v{0} -> {1}")
  @CsvSource({
    "2.2, ACK^R01",
    "2.3, ACK^R01",
    "2.3.1, ACK^R01^ACK",
    "2.4, ACK^R01^ACK",
    "2.5.1, ACK^R01^ACK",
    "2.8, ACK^R01^ACK",
    "'', ACK^R01^ACK",
  })
  void msh9IsAckTriggerAckFromV231(String version, String msh9) throws Exception {
    Hl7Message ack = parse(builder.accept(header(msh(version, "", ""))));
    assertEquals(msh9, ack.msh().raw(9));
    assertEquals(version, ack.msh().raw(12));
    assertEquals("P^T", ack.msh().raw(11));
  }

  @Test
  void msh7IsNowInTheClocksZone() throws Exception {
    Clock kolkata = Clock.fixed(Instant.parse("2026-01-02T03:04:05.060Z"), ZoneId.of("+05:30"));
    Ack ack = new AckBuilder(new ControlIds("T"), kolkata).accept(header(msh("2.5", "", "")));
    assertEquals("20260102083405.060+0530", parse(ack).get("MSH-7"));
  }

  @Test
  void everyAckGetsANewUniqueControlId() throws Exception {
    MessageHeader h = header(msh("2.5", "", ""));
    AckBuilder random = new AckBuilder(new ControlIds(), Clock.systemUTC());
    AckBuilder other = new AckBuilder(new ControlIds(), Clock.systemUTC());
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      for (Ack ack : new Ack[] {random.accept(h), other.accept(h)}) {
        assertTrue(seen.add(ack.controlId()), "duplicate " + ack.controlId());
        assertTrue(ack.controlId().length() <= 20);
        assertEquals(ack.controlId(), parse(ack).get("MSH-10"));
      }
    }
  }

  @ParameterizedTest(name = "MSH-15=[{0}] MSH-16=[{1}]")
  @CsvSource({"'', ''", "AL, AL", "AL, ''", "ER, SU", "'', NE"})
  void theAckNeverAsksToBeAcknowledged(String msh15, String msh16) throws Exception {
    Ack ack = builder.accept(header(msh("2.5", msh15, msh16)));
    MessageHeader ackHeader = parse(ack).header();
    if (ackHeader.enhancedMode()) {
      assertEquals("NE", ackHeader.acceptAckType());
      assertEquals("NE", ackHeader.applicationAckType());
    }
    assertFalse(AckBuilder.shouldSend(ackHeader, AckOutcome.ACCEPT) && ackHeader.enhancedMode());
  }

  @Test
  void fromV25ErrorsGoToAnErrSegmentWithTable0357CodeLocationAndSeverity() throws Exception {
    Hl7Error error =
        Hl7Error.error(
            ErrorCode.REQUIRED_FIELD_MISSING, ErrorLocation.field("MSH", 10), "MSH-10 missing");
    Ack ack = builder.build(header(msh("2.5", "", "")), AckOutcome.ERROR, error);
    assertEquals(
        "MSA|AE|CTRL1\rERR||MSH^1^10|101^Required field missing^HL70357|E||||MSH-10 missing\r",
        ack.text().substring(ack.text().indexOf("MSA")));
    Hl7Message m = parse(ack);
    assertEquals("", m.get("MSA-3"));
    assertEquals("101", m.get("ERR-3.1"));
    assertEquals("HL70357", m.get("ERR-3.3"));
    assertEquals("E", m.get("ERR-4"));
  }

  @ParameterizedTest(name = "v{0}")
  @CsvSource({"2.2", "2.3", "2.3.1", "2.4"})
  void beforeV25ErrorsGoToMsa3AndMsa6(String version) throws Exception {
    Hl7Error error =
        Hl7Error.error(ErrorCode.UNSUPPORTED_MESSAGE_TYPE, null, "type ORU^R01 not routed");
    Hl7Message m = parse(builder.build(header(msh(version, "", "")), AckOutcome.REJECT, error));
    assertEquals("AR", m.get("MSA-1"));
    assertEquals("type ORU\\S\\R01 not routed", m.segment("MSA", 1).raw(3));
    assertEquals("type ORU^R01 not routed", m.get("MSA-3"));
    assertEquals("200", m.get("MSA-6.1"));
    assertNull(m.segment("ERR", 1));
  }

  @Test
  void anInternalErrorIsARejectWithCode207() throws Exception {
    Hl7Message m = parse(builder.internalError(header(msh("2.5.1", "AL", "")), "spool full"));
    assertEquals("CR", m.get("MSA-1"));
    assertEquals("207", m.get("ERR-3.1"));
    assertEquals("spool full", m.get("ERR-8"));
  }

  @Test
  void anUnparseableMessageIsRejectedWithWhatTheHeaderHad() throws Exception {
    Hl7ParseException missing = null;
    try {
      header("MSH|^~\\&|APP|FAC|RAPP|RFAC|2026||ADT^A01||P|2.4").requireMinimum();
    } catch (Hl7ParseException e) {
      missing = e;
    }
    Hl7Message m = parse(builder.reject(missing, AckOutcome.ERROR));
    assertEquals("AE", m.get("MSA-1"));
    assertEquals("RAPP", m.get("MSH-3"));
    assertEquals("MSH-10 message control id is missing", m.get("MSA-3"));
    assertEquals("101", m.get("MSA-6"));

    Hl7ParseException noMsh = null;
    try {
      Hl7Message.parse("PID|1\r");
    } catch (Hl7ParseException e) {
      noMsh = e;
    }
    Hl7Message headerless = parse(builder.reject(noMsh, AckOutcome.REJECT));
    assertEquals("AR", headerless.get("MSA-1"));
    assertEquals("", headerless.get("MSA-2"));
    assertEquals("100", headerless.get("ERR-3.1"));
    assertEquals("2.5", headerless.get("MSH-12"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"UNICODE UTF-8, UTF-8", "8859/1, ISO-8859-1", "8859/7, ISO-8859-7"})
  void theAckIsEncodedInTheMessagesCharsetAndDeclaresIt(String msh18, String charset)
      throws Exception {
    String original = "MSH|^~\\&|ΣΥΣΤΗΜΑ|FAC|RAPP|RFAC|2026||ADT^A01|C1|P|2.5||||||" + msh18;
    if (!msh18.equals("8859/7")) {
      original = original.replace("ΣΥΣΤΗΜΑ", "SYSTÈME");
    }
    Charset cs = Charset.forName(charset);
    Ack ack = builder.accept(header(original));
    byte[] bytes = ack.bytes(cs);
    Hl7Message back = Hl7Message.parse(new String(bytes, cs));
    assertEquals(header(original).sendingApplication(), back.get("MSH-5"));
    assertEquals(msh18, back.get("MSH-18"));
    assertEquals(ack.text(), new String(bytes, cs));
    assertFalse(new String(bytes, StandardCharsets.US_ASCII).equals(ack.text()));
  }

  @ParameterizedTest(name = "enhanced={0} MSH-15=[{1}] {2} -> {3}")
  @CsvSource({
    "false, '', ACCEPT, true",
    "false, '', ERROR, true",
    "true, AL, ACCEPT, true",
    "true, AL, REJECT, true",
    "true, NE, ACCEPT, false",
    "true, NE, ERROR, false",
    "true, ER, ACCEPT, false",
    "true, ER, ERROR, true",
    "true, ER, REJECT, true",
    "true, SU, ACCEPT, true",
    "true, SU, REJECT, false",
  })
  void shouldSendFollowsMsh15InEnhancedMode(
      boolean enhanced, String msh15, AckOutcome outcome, boolean send) throws Exception {
    MessageHeader h = header(msh("2.5", msh15, enhanced && msh15.isEmpty() ? "AL" : ""));
    assertEquals(enhanced, h.enhancedMode());
    assertEquals(send, AckBuilder.shouldSend(h, outcome));
  }
}
