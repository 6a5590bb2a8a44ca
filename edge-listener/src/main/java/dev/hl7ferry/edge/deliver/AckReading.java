package dev.hl7ferry.edge.deliver;

import dev.hl7ferry.core.error.Hl7ParseException;
import dev.hl7ferry.core.message.Hl7Message;
import dev.hl7ferry.core.message.Segment;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Judges a destination's ACK for a sent message: MSA-2 must name the sent MSH-10, then MSA-1
 * decides. Bytes are read as ISO-8859-1 (one char per byte), so control ids compare byte for byte
 * whatever the charset.
 */
final class AckReading {
  private AckReading() {}

  /** MSH-10 of an output, read the same way as the ACK; throws when it has no readable MSH. */
  static String controlId(byte[] message) throws Hl7ParseException {
    return parse(message).header().controlId();
  }

  /**
   * The result an ACK means for the message sent with {@code sentControlId}. A reply that cannot be
   * read, has no MSA, names another message or has an unknown code is a transient failure (the
   * caller closes the connection so a late reply cannot be taken for the next message's).
   */
  static Verdict judge(byte[] ack, String sentControlId) {
    Hl7Message message;
    try {
      message = parse(ack);
    } catch (Hl7ParseException e) {
      return Verdict.broken(DeliveryResult.transientFailure("unreadable ACK: " + e.getMessage()));
    }
    List<Segment> msa = message.segments("MSA");
    if (msa.isEmpty()) {
      return Verdict.broken(DeliveryResult.transientFailure("reply has no MSA segment"));
    }
    String code = msa.get(0).value(1);
    String acknowledged = msa.get(0).raw(2);
    String text = errorText(message, msa.get(0));
    if (!acknowledged.equals(sentControlId)) {
      return Verdict.broken(
          new DeliveryResult(
              DeliveryOutcome.TRANSIENT_FAILURE,
              code,
              text,
              "ACK names control id " + acknowledged + ", sent " + sentControlId));
    }
    return switch (code) {
      case "AA", "CA" ->
          Verdict.ok(new DeliveryResult(DeliveryOutcome.DELIVERED, code, text, code));
      case "AR", "CR" ->
          Verdict.ok(
              new DeliveryResult(
                  DeliveryOutcome.TRANSIENT_FAILURE, code, text, code + " (rejected, resend)"));
      case "AE", "CE" ->
          Verdict.ok(
              new DeliveryResult(
                  DeliveryOutcome.APPLICATION_ERROR, code, text, code + " (application error)"));
      default ->
          Verdict.broken(
              new DeliveryResult(
                  DeliveryOutcome.TRANSIENT_FAILURE, code, text, "unknown MSA-1 '" + code + "'"));
    };
  }

  private static Hl7Message parse(byte[] bytes) throws Hl7ParseException {
    return Hl7Message.parse(new String(bytes, StandardCharsets.ISO_8859_1));
  }

  /** ERR-8 (user message), else ERR-3 (code), else MSA-3. */
  private static String errorText(Hl7Message message, Segment msa) {
    List<Segment> err = message.segments("ERR");
    if (!err.isEmpty()) {
      String userMessage = err.get(0).value(8);
      if (!userMessage.isEmpty()) {
        return userMessage;
      }
      String code = err.get(0).raw(3);
      if (!code.isEmpty()) {
        return code;
      }
    }
    return msa.value(3);
  }

  /**
   * @param result what the ACK means
   * @param connectionUsable false when the connection must be closed before the next message
   */
  record Verdict(DeliveryResult result, boolean connectionUsable) {
    static Verdict ok(DeliveryResult result) {
      return new Verdict(result, true);
    }

    static Verdict broken(DeliveryResult result) {
      return new Verdict(result, false);
    }
  }
}
