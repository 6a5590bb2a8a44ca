package dev.hl7ferry.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hl7ferry.core.ack.Ack;
import dev.hl7ferry.core.ack.AckBuilder;
import dev.hl7ferry.core.ack.AckCode;
import dev.hl7ferry.core.ack.AckOutcome;
import dev.hl7ferry.core.ack.ControlIds;
import dev.hl7ferry.core.charset.CharsetPolicy;
import dev.hl7ferry.core.charset.DecodedMessage;
import dev.hl7ferry.core.charset.Hl7Charsets;
import dev.hl7ferry.core.charset.MessageDecoder;
import dev.hl7ferry.core.error.Hl7ParseException;
import dev.hl7ferry.core.message.Hl7Message;
import dev.hl7ferry.core.message.MessageHeader;
import dev.hl7ferry.core.path.Hl7Path;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** The API example of the module README, with its comments turned into assertions. */
class ReadmeExampleTest {

  @Test
  void theReadmeExampleDoesWhatItSays() throws Exception {
    byte[] bytes =
        ("MSH|^~\\&|LAB|HOSP|EHR|HOSP2|20260101120000||ORU^R01^ORU_R01|CTRL1|P|2.5.1||||||8859/1\r"
                + "PID|1||MRN1^^^HOSP^MR~ALT9^^^OTHER^PI||LEFÈVRE^HÉLOÏSE\r"
                + "OBX|1|NM|WBC||7.1\rOBX|2|NM|RBC||4.6\rOBX|3|ST|NOTE||a\\T\\b\r")
            .getBytes(StandardCharsets.ISO_8859_1);

    MessageDecoder decoder = new MessageDecoder(CharsetPolicy.DEFAULT);
    AckBuilder acks = new AckBuilder(new ControlIds(), Clock.systemUTC());
    DecodedMessage decoded = decoder.decode(bytes);
    Hl7Message message = decoded.message();
    MessageHeader header = message.header().requireMinimum();
    assertEquals("ORU^R01", header.typeAndTrigger());
    assertEquals("CTRL1", header.controlId());
    assertEquals("LEFÈVRE", message.get("PID-5"));
    assertEquals("ALT9", message.get("PID-3(2).1"));
    assertEquals("a&b", message.get("OBX(3)-5"));
    assertEquals("^~\\&", message.get("MSH-2"));
    assertEquals("HÉLOÏSE", message.get(Hl7Path.parse("PID-5.2")));

    Ack ack = acks.accept(header);
    assertEquals(AckCode.AA, ack.code());
    assertTrue(AckBuilder.shouldSend(header, AckOutcome.ACCEPT));
    assertEquals(ack.text(), new String(ack.bytes(decoded.charset()), decoded.charset()));

    Hl7ParseException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            Hl7ParseException.class, () -> decoder.decode("PID|1\r".getBytes()));
    assertEquals(100, e.error().code().code());
    assertEquals("AE", Hl7Message.parse(acks.reject(e, AckOutcome.ERROR).text()).get("MSA-1"));

    Hl7Message m = Hl7Message.parse("MSH$%*@!$A$B$C$D$2026$$ADT%A01$C2$P$2.4\r");
    assertEquals("50@S@ off@R@", m.escaping().encode("50% off*"));
    assertEquals("50% off", m.escaping().decode("50@S@ off"));

    assertEquals(StandardCharsets.UTF_8, Hl7Charsets.lookup("UNICODE UTF-8").orElseThrow());
    assertTrue(CharsetPolicy.DEFAULT.resolve("").fallbackUsed());
  }
}
