package dev.hl7ferry.core.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import ca.uhn.hl7v2.AcknowledgmentCode;
import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.parser.GenericModelClassFactory;
import ca.uhn.hl7v2.util.idgenerator.InMemoryIDGenerator;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import dev.hl7ferry.core.ack.Ack;
import dev.hl7ferry.core.ack.AckBuilder;
import dev.hl7ferry.core.ack.AckOutcome;
import dev.hl7ferry.core.ack.ControlIds;
import dev.hl7ferry.core.error.ErrorCode;
import dev.hl7ferry.core.error.ErrorLocation;
import dev.hl7ferry.core.error.Hl7Error;
import dev.hl7ferry.core.message.Hl7Message;
import dev.hl7ferry.core.message.Hl7Version;
import dev.hl7ferry.core.message.MessageHeader;
import dev.hl7ferry.core.path.Hl7Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our acknowledgement of every fixture agrees with HAPI's {@code generateACK} on the fields where
 * HAPI follows the standard; where it does not (see README, "Differences from HAPI") the test
 * states what each side writes.
 */
class HapiAckCrossCheckTest {
  private final AckBuilder builder = new AckBuilder(new ControlIds("X"), Clock.systemUTC());
  private final HapiContext hapi = context();

  static List<String> fixtures() {
    return Fixtures.names();
  }

  private static HapiContext context() {
    HapiContext context = new DefaultHapiContext(new GenericModelClassFactory());
    context.setValidationContext(ValidationContextFactory.noValidation());
    context.getParserConfiguration().setIdGenerator(new InMemoryIDGenerator());
    return context;
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void positiveAckAgreesWithHapiWhereHapiFollowsTheStandard(String name) throws Exception {
    String text = Fixtures.expectedText(name);
    MessageHeader header = Hl7Message.parse(text).header();
    Ack ack = builder.accept(header);
    Hl7Message ours = Hl7Message.parse(ack.text());
    AcknowledgmentCode code = AcknowledgmentCode.valueOf(ack.code().name());
    Hl7Message theirs =
        Hl7Message.parse(hapi.getPipeParser().parse(text).generateACK(code, null).encode());

    for (String path : List.of("MSH-1", "MSH-2", "MSH-9.1", "MSH-9.2", "MSH-11.1", "MSH-12")) {
      assertEquals(theirs.get(path), ours.get(path), name + " " + path);
    }
    for (String path : List.of("MSA-1", "MSA-2")) {
      assertEquals(theirs.get(path), ours.get(path), name + " " + path);
    }
    // HAPI copies only the first component of MSH-3..6; we copy all, as the standard asks.
    for (int field = 3; field <= 6; field++) {
      assertEquals(theirs.get("MSH-" + field + ".1"), ours.get("MSH-" + field + ".1"), name);
    }
    assertEquals(header.receivingApplication(), ours.msh().raw(3), name);
    assertEquals(header.receivingFacility(), ours.msh().raw(4), name);
    assertEquals(header.sendingApplication(), ours.msh().raw(5), name);
    assertEquals(header.sendingFacility(), ours.msh().raw(6), name);
    assertEquals(header.processingId(), ours.msh().raw(11), name);
    // HAPI writes MSH-9.3 for every version; the component only exists from v2.3.1.
    if (header.version().atLeast(Hl7Version.V2_3_1) && !header.triggerEvent().isEmpty()) {
      assertEquals(theirs.get("MSH-9.3"), ours.get("MSH-9.3"), name);
    } else {
      assertEquals("", ours.get("MSH-9.3"), name);
    }
    // The ACK declares the charset it is encoded in; HAPI drops MSH-18 and never chooses the mode.
    assertEquals(header.characterSet(), ours.get("MSH-18"), name);
    assertEquals("", theirs.get("MSH-18"), name);
    assertEquals("", theirs.get("MSH-15"), name);
    assertFalse(ours.get("MSH-10").isEmpty(), name);
    assertNotEquals(header.controlId(), ours.get("MSH-10"), name);
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void errorAckAgreesWithHapiOnTheErrSegmentFromV25(String name) throws Exception {
    String text = Fixtures.expectedText(name);
    MessageHeader header = Hl7Message.parse(text).header();
    Hl7Error error =
        Hl7Error.error(
            ErrorCode.REQUIRED_FIELD_MISSING,
            new ErrorLocation("PID", 1, 5, 0, 0, 0),
            "patient name missing");
    Ack ack = builder.build(header, AckOutcome.ERROR, error);
    Hl7Message ours = Hl7Message.parse(ack.text());

    HL7Exception hapiError =
        new HL7Exception("patient name missing", ca.uhn.hl7v2.ErrorCode.REQUIRED_FIELD_MISSING);
    hapiError.setSegmentName("PID");
    hapiError.setSegmentRepetition(1);
    hapiError.setFieldPosition(5);
    AcknowledgmentCode code = AcknowledgmentCode.valueOf(ack.code().name());
    Hl7Message theirs =
        Hl7Message.parse(hapi.getPipeParser().parse(text).generateACK(code, hapiError).encode());

    assertEquals(theirs.get("MSA-1"), ours.get("MSA-1"), name);
    assertEquals(theirs.get("MSA-2"), ours.get("MSA-2"), name);
    if (header.version().atLeast(Hl7Version.V2_5)) {
      for (String path : List.of("ERR-2", "ERR-3.1", "ERR-3.2", "ERR-3.3", "ERR-4")) {
        assertEquals(theirs.raw(Hl7Path.parse(path)), ours.raw(Hl7Path.parse(path)), name + path);
      }
      assertEquals("patient name missing", ours.get("ERR-8"), name);
    } else {
      // Before v2.5 the standard's ERR has only ERR-1 (ELD); the text goes to MSA-3. HAPI writes
      // the v2.5 ERR layout for every version and leaves MSA-3 empty.
      assertEquals(null, ours.segment("ERR", 1), name);
      assertEquals("patient name missing", ours.get("MSA-3"), name);
      assertEquals("5", theirs.get("ERR-2.3"), name);
    }
  }
}
