package dev.hl7ferry.core.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Parsing: segment separators, path reads, laziness, re-encoding. */
class Hl7MessageTest {
  static final String ORU =
      String.join(
          "\r",
          "MSH|^~\\&|LAB^1.2.3^ISO|HOSP|EHR|HOSP2|20260101120000||ORU^R01^ORU_R01|CTRL1|P|2.5.1",
          "PID|1||MRN1^^^HOSP^MR~ALT9^^^OTHER^PI||DOE^JANE^Q~ROE^JANE||19800101|F",
          "OBR|1|||CBC^Blood count",
          "OBX|1|NM|WBC||7.1",
          "OBX|2|NM|RBC||4.6",
          "OBX|3|ST|NOTE||a\\S\\b\\T\\c\\F\\d\\R\\e\\E\\f&second sub^comp2~rep2",
          "");

  @ParameterizedTest(name = "{0} = [{1}]")
  @CsvSource(
      delimiter = ' ',
      nullValues = "NULL",
      emptyValue = "",
      value = {
        "PID-5 DOE",
        "PID-5.1 DOE",
        "PID-5.2 JANE",
        "PID-5(2).1 ROE",
        "PID-3 MRN1",
        "PID-3(2).1 ALT9",
        "PID-3(2).4 OTHER",
        "PID-3(3).1 ''",
        "PID-7 19800101",
        "PID-99 ''",
        "OBX-5 7.1",
        "OBX(2)-5 4.6",
        "OBX(3)-3 NOTE",
        "OBX(4)-5 ''",
        "MSH-1 |",
        "MSH-2 ^~\\&",
        "MSH-3 LAB",
        "MSH-3.2 1.2.3",
        "MSH-9 ORU",
        "MSH-9.1 ORU",
        "MSH-9.2 R01",
        "MSH-9.3 ORU_R01",
        "MSH-10 CTRL1",
        "MSH-12 2.5.1",
        "ZZZ-1 ''",
      })
  void valuesAreReadByOneBasedHl7Paths(String path, String expected) throws Exception {
    assertEquals(expected, Hl7Message.parse(ORU).get(path));
  }

  @Test
  void escapesAreDecodedLeafByLeaf() throws Exception {
    Hl7Message m = Hl7Message.parse(ORU);
    assertEquals("a^b&c|d~e\\f", m.get("OBX(3)-5"));
    assertEquals("second sub", m.get("OBX(3)-5.1.2"));
    assertEquals("comp2", m.get("OBX(3)-5.2"));
    assertEquals("rep2", m.get("OBX(3)-5(2)"));
    assertEquals("a\\S\\b\\T\\c\\F\\d\\R\\e\\E\\f", m.segment("OBX", 3).raw(5, 1, 1, 1));
  }

  @Test
  void customDelimitersAreUsedForEveryRead() throws Exception {
    Hl7Message m =
        Hl7Message.parse(
            "MSH$%*@!$APP%X$FAC$$$2026$$ADT%A01$C1$P$2.4\rPID$1$$A%%%H*B%%%I$$LAST%FIRST!SUB\r");
    assertEquals("$", m.get("MSH-1"));
    assertEquals("%*@!", m.get("MSH-2"));
    assertEquals("X", m.get("MSH-3.2"));
    assertEquals("A01", m.get("MSH-9.2"));
    assertEquals("I", m.get("PID-3(2).4"));
    assertEquals("SUB", m.get("PID-5.2.2"));
    assertEquals("A01", m.header().triggerEvent());
  }

  @ParameterizedTest(name = "separator #{index}")
  @ValueSource(strings = {"\r", "\n", "\r\n", "\n\r"})
  void crLfAndCrLfSeparateSegmentsOnInputAndCrIsWrittenOnOutput(String separator) throws Exception {
    String text = ORU.replace("\r", separator);
    Hl7Message m = Hl7Message.parse(text);
    assertEquals(
        List.of("MSH", "PID", "OBR", "OBX", "OBX", "OBX"),
        m.segments().stream().map(Segment::name).toList());
    assertEquals("4.6", m.get("OBX(2)-5"));
    assertEquals(ORU, m.encode());
  }

  @Test
  void leadingBlankLinesAndAByteOrderMarkAreSkipped() throws Exception {
    assertEquals("CTRL1", Hl7Message.parse("\uFEFF\r\n  " + ORU).header().controlId());
  }

  @Test
  void readingTheHeaderDoesNotLocateTheBody() throws Exception {
    Hl7Message m = Hl7Message.parse(ORU);
    assertEquals("CTRL1", m.header().controlId());
    assertEquals("R01", m.get("MSH-9.2"));
    assertFalse(m.bodyLocated());
    assertEquals("DOE", m.get("PID-5"));
    assertTrue(m.bodyLocated());
  }

  @Test
  void aBrokenBodyStillYieldsItsHeader() throws Exception {
    String broken =
        "MSH|^~\\&|A|B|C|D|20260101||ADT^A01^ADT_A01|BROKEN1|P|2.5\r"
            + "\u0000\u0001garbage without structure\r|||\r\n\n\uFFFF";
    Hl7Message m = Hl7Message.parse(broken);
    assertEquals("BROKEN1", m.header().requireMinimum().controlId());
    assertEquals("ADT^A01", m.header().typeAndTrigger());
    assertFalse(m.bodyLocated());
    assertNull(m.segment("PID", 1));
    assertEquals(
        "MSH|^~\\&|A|B|C|D|20260101||ADT^A01^ADT_A01|BROKEN1|P|2.5\r"
            + "\u0000\u0001garbage without structure\r|||\r\uFFFF\r",
        m.encode());
  }

  @Test
  void headerFieldsKeepAllComponentsRawAndDecodeTheShortCodes() throws Exception {
    MessageHeader h =
        Hl7Message.parse(
                "MSH|^~\\&|APP^1.2^ISO|FAC|RAPP|RFAC|20260101||ADT^A04^ADT_A01|X1|P^T|2.5^USA"
                    + "|||AL|NE||UNICODE UTF-8~8859/1\r")
            .header();
    assertEquals("APP^1.2^ISO", h.sendingApplication());
    assertEquals("ADT^A04^ADT_A01", h.messageType());
    assertEquals("ADT", h.messageCode());
    assertEquals("A04", h.triggerEvent());
    assertEquals("P^T", h.processingId());
    assertEquals("2.5^USA", h.versionId());
    assertEquals(Hl7Version.V2_5, h.version());
    assertEquals("AL", h.acceptAckType());
    assertEquals("NE", h.applicationAckType());
    assertEquals("UNICODE UTF-8", h.characterSet());
    assertTrue(h.enhancedMode());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "2.2, 2.2.0",
    "2.3.1, 2.3.1",
    "2.5.1, 2.5.1",
    "' 2.4 ', 2.4.0",
    "2.8, 2.8.0",
    "'', 2.9.0",
    "v2.5, 2.9.0",
    "3.0, 2.9.0",
  })
  void versionsCompareNumericallyAndUnreadableMeansCurrent(String text, String expected) {
    Hl7Version v = Hl7Version.parse(text);
    assertEquals(expected, v.major() + "." + v.minor() + "." + v.patch());
  }

  @Test
  void segmentsReportFieldAndRepetitionCounts() throws Exception {
    Segment pid = Hl7Message.parse(ORU).segment("PID", 1);
    assertEquals(8, pid.fieldCount());
    assertEquals(2, pid.repetitionCount(3));
    assertEquals(0, pid.repetitionCount(2));
    assertEquals("MRN1^^^HOSP^MR~ALT9^^^OTHER^PI", pid.raw(3));
    assertTrue(pid.named("PID"));
    assertFalse(pid.named("PI"));
    Segment msh = Hl7Message.parse(ORU).msh();
    assertEquals(12, msh.fieldCount());
    assertEquals("|", msh.raw(1));
    assertEquals("^~\\&", msh.raw(2));
  }
}
