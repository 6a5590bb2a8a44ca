package dev.hl7ferry.converter.route;

import dev.hl7ferry.core.message.Hl7Message;

/**
 * What routes are matched against: the message, plus the envelope's site and, for a vendor's
 * result, the vendor and the result type. For a result the message is the original it answers, so
 * HL7 path conditions read the hospital's own message.
 *
 * @param site the envelope's site, or null when unknown (offline rendering)
 * @param vendor the vendor of a result, null for an inbound message
 * @param resultType the result type, null for an inbound message
 */
public record RouteInput(Hl7Message message, String site, String vendor, String resultType) {

  /** An inbound message received at {@code site}. */
  public static RouteInput inbound(Hl7Message message, String site) {
    return new RouteInput(message, site, null, null);
  }

  /** A vendor's result for {@code site}, answering {@code original}. */
  public static RouteInput result(
      Hl7Message original, String site, String vendor, String resultType) {
    return new RouteInput(original, site, vendor, resultType);
  }

  /** Whether this is a vendor's result (only result routes apply). */
  public boolean isResult() {
    return resultType != null;
  }

  /** The value of an envelope attribute, "" when absent. */
  String attribute(Attribute attribute) {
    String value =
        switch (attribute) {
          case SITE -> site;
          case VENDOR -> vendor;
          case RESULT_TYPE -> resultType;
        };
    return value == null ? "" : value;
  }
}
