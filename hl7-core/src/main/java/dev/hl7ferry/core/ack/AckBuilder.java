package dev.hl7ferry.core.ack;

import dev.hl7ferry.core.error.ErrorCode;
import dev.hl7ferry.core.error.Hl7Error;
import dev.hl7ferry.core.error.Hl7ParseException;
import dev.hl7ferry.core.escape.Escaping;
import dev.hl7ferry.core.message.Delimiters;
import dev.hl7ferry.core.message.Hl7Version;
import dev.hl7ferry.core.message.MessageHeader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * Builds standard acknowledgements for a received message.
 *
 * <ul>
 *   <li>Mode from the message's own MSH-15/16: original (AA/AE/AR) or enhanced (CA/CE/CR).
 *   <li>MSH-1/2 copied, so the ACK uses the sender's own delimiters.
 *   <li>MSH-3/4 take the original MSH-5/6 and MSH-5/6 the original MSH-3/4, all components.
 *   <li>MSH-7 now; MSH-9 {@code ACK^<trigger>^ACK} ({@code ACK^<trigger>} before v2.3.1); a new
 *       MSH-10; MSH-11/12 copied; MSH-18 copied. In enhanced mode MSH-15/16 are NE: an ACK never
 *       asks to be acknowledged.
 *   <li>MSA-1 the code, MSA-2 the original MSH-10.
 *   <li>Errors: v2.5 and later get an ERR segment (ERR-2 location, ERR-3 table 0357 code, ERR-4
 *       severity, ERR-8 user message text); older versions get MSA-3 text and, from v2.2, MSA-6 the
 *       code.
 * </ul>
 *
 * Thread-safe.
 */
public final class AckBuilder {
  /** The version written in a NAK for input whose MSH could not be read at all. */
  static final String HEADERLESS_VERSION = "2.5";

  private static final Hl7Version V2_2 = new Hl7Version(2, 2, 0);

  private final ControlIds ids;
  private final Hl7Timestamp timestamp;

  public AckBuilder(ControlIds ids, Clock clock) {
    this.ids = ids;
    this.timestamp = new Hl7Timestamp(clock);
  }

  /** A positive acknowledgement (AA or CA). */
  public Ack accept(MessageHeader original) {
    return build(original, AckOutcome.ACCEPT, null);
  }

  /**
   * An acknowledgement of {@code outcome}; {@code error} (may be null for ACCEPT) is reported in
   * ERR or MSA-3/MSA-6 according to the message's version.
   */
  public Ack build(MessageHeader original, AckOutcome outcome, Hl7Error error) {
    Delimiters d = original.delimiters();
    AckMode mode = AckMode.of(original);
    AckCode code = AckCode.of(mode, outcome);
    Hl7Version version = original.version();
    Escaping escaping = new Escaping(d, StandardCharsets.UTF_8);
    String controlId = ids.next();
    char f = d.field();

    StringBuilder out = new StringBuilder(256);
    out.append("MSH").append(f).append(d.encodingCharacters());
    out.append(f).append(original.receivingApplication());
    out.append(f).append(original.receivingFacility());
    out.append(f).append(original.sendingApplication());
    out.append(f).append(original.sendingFacility());
    out.append(f).append(timestamp.now());
    out.append(f); // MSH-8 security
    out.append(f).append("ACK");
    if (!original.triggerEvent().isEmpty()) {
      out.append(d.component()).append(escaping.encode(original.triggerEvent()));
      if (version.atLeast(Hl7Version.V2_3_1)) {
        out.append(d.component()).append("ACK");
      }
    }
    out.append(f).append(controlId);
    out.append(f).append(original.processingId());
    out.append(f).append(original.versionId());
    boolean charset = !original.characterSet().isEmpty();
    if (mode == AckMode.ENHANCED || charset) {
      out.append(f).append(f); // MSH-13, MSH-14
      out.append(f).append(mode == AckMode.ENHANCED ? "NE" : "");
      out.append(f).append(mode == AckMode.ENHANCED ? "NE" : "");
      if (charset) {
        out.append(f).append(f).append(escaping.encode(original.characterSet()));
      }
    }
    out.append('\r');

    out.append("MSA").append(f).append(code.name()).append(f).append(original.controlId());
    boolean modernErr = version.atLeast(Hl7Version.V2_5);
    if (error != null && !modernErr) {
      out.append(f).append(escaping.encode(error.text()));
      if (version.atLeast(V2_2)) {
        out.append(f).append(f).append(f);
        appendCode(out, error.code(), d);
      }
    }
    out.append('\r');

    if (error != null && modernErr) {
      out.append("ERR").append(f);
      out.append(f);
      if (error.location() != null) {
        out.append(error.location().toErl(d.component()));
      }
      out.append(f);
      appendCode(out, error.code(), d);
      out.append(f).append(error.severity().code());
      out.append(f).append(f).append(f);
      out.append(f).append(escaping.encode(error.text()));
      out.append('\r');
    }
    return new Ack(code, controlId, original.controlId(), out.toString());
  }

  /**
   * A negative acknowledgement for input that could not be parsed, addressed with as much of the
   * header as was readable.
   */
  public Ack reject(Hl7ParseException e, AckOutcome outcome) {
    MessageHeader header = e.partialHeader().orElseGet(AckBuilder::headerless);
    return build(header, outcome, e.error());
  }

  /** A negative acknowledgement because the receiver could not take the message (ERR 207). */
  public Ack internalError(MessageHeader original, String text) {
    return build(
        original,
        AckOutcome.REJECT,
        Hl7Error.error(ErrorCode.APPLICATION_INTERNAL_ERROR, null, text));
  }

  /**
   * Whether an acknowledgement should be sent at all: always in original mode; in enhanced mode as
   * MSH-15 asks (AL or empty always, NE never, ER only on error, SU only on success).
   */
  public static boolean shouldSend(MessageHeader original, AckOutcome outcome) {
    if (!original.enhancedMode()) {
      return true;
    }
    return switch (original.acceptAckType()) {
      case "NE" -> false;
      case "ER" -> outcome != AckOutcome.ACCEPT;
      case "SU" -> outcome == AckOutcome.ACCEPT;
      default -> true;
    };
  }

  private static void appendCode(StringBuilder out, ErrorCode code, Delimiters d) {
    out.append(code.code())
        .append(d.component())
        .append(code.text())
        .append(d.component())
        .append(ErrorCode.TABLE);
  }

  private static MessageHeader headerless() {
    return new MessageHeader(
        Delimiters.DEFAULT,
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "P",
        HEADERLESS_VERSION,
        "",
        "",
        "");
  }
}
