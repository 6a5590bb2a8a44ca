package dev.hl7ferry.core.message;

import dev.hl7ferry.core.error.ErrorCode;
import dev.hl7ferry.core.error.ErrorLocation;
import dev.hl7ferry.core.error.Hl7Error;
import dev.hl7ferry.core.error.Hl7ParseException;

/**
 * The MSH fields the ferry works with. Addressing fields (MSH-3..6, 9..12) are kept raw, all
 * components and escapes intact, so an acknowledgement can copy them exactly; the short codes are
 * decoded.
 *
 * @param delimiters MSH-1 and MSH-2
 * @param sendingApplication MSH-3, raw
 * @param sendingFacility MSH-4, raw
 * @param receivingApplication MSH-5, raw
 * @param receivingFacility MSH-6, raw
 * @param dateTime MSH-7, raw
 * @param messageType MSH-9, raw (e.g. {@code ORU^R01^ORU_R01})
 * @param messageCode MSH-9.1 decoded
 * @param triggerEvent MSH-9.2 decoded
 * @param controlId MSH-10, raw
 * @param processingId MSH-11, raw
 * @param versionId MSH-12, raw
 * @param acceptAckType MSH-15 decoded (AL, NE, ER, SU or empty)
 * @param applicationAckType MSH-16 decoded
 * @param characterSet MSH-18 first repetition, decoded (empty when not given)
 */
public record MessageHeader(
    Delimiters delimiters,
    String sendingApplication,
    String sendingFacility,
    String receivingApplication,
    String receivingFacility,
    String dateTime,
    String messageType,
    String messageCode,
    String triggerEvent,
    String controlId,
    String processingId,
    String versionId,
    String acceptAckType,
    String applicationAckType,
    String characterSet) {

  /** Reads the header fields from a parsed MSH segment. */
  public static MessageHeader of(Segment msh, Delimiters delimiters) {
    return new MessageHeader(
        delimiters,
        msh.raw(3),
        msh.raw(4),
        msh.raw(5),
        msh.raw(6),
        msh.raw(7),
        msh.raw(9),
        msh.value(9, 1, 1, 1),
        msh.value(9, 1, 2, 1),
        msh.raw(10),
        msh.raw(11),
        msh.raw(12),
        msh.value(15),
        msh.value(16),
        msh.value(18));
  }

  /** MSH-12.1 as a comparable version. */
  public Hl7Version version() {
    return Hl7Version.parse(Splitter.nth(versionId, delimiters.component(), 1));
  }

  /** Enhanced acknowledgement mode applies when MSH-15 or MSH-16 is valued. */
  public boolean enhancedMode() {
    return !acceptAckType.isEmpty() || !applicationAckType.isEmpty();
  }

  /** MSH-9.1 and MSH-9.2 joined for logs and routing, e.g. {@code ORU^R01}. */
  public String typeAndTrigger() {
    return triggerEvent.isEmpty() ? messageCode : messageCode + "^" + triggerEvent;
  }

  /**
   * Checks what every message needs before the ferry accepts it: a message type (MSH-9.1) and a
   * control id (MSH-10). Throws with code 101 and the field's location.
   */
  public MessageHeader requireMinimum() throws Hl7ParseException {
    if (messageCode.isBlank()) {
      throw missing(9, "MSH-9 message type is missing");
    }
    if (controlId.isBlank()) {
      throw missing(10, "MSH-10 message control id is missing");
    }
    return this;
  }

  private Hl7ParseException missing(int field, String text) {
    return new Hl7ParseException(
        Hl7Error.error(ErrorCode.REQUIRED_FIELD_MISSING, ErrorLocation.field("MSH", field), text),
        this);
  }
}
