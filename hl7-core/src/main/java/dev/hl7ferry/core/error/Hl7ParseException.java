package dev.hl7ferry.core.error;

import dev.hl7ferry.core.message.MessageHeader;
import java.util.Optional;

/**
 * Input that cannot be read as HL7 v2. Carries the {@link Hl7Error} a negative acknowledgement
 * needs and, when the header could be read far enough, the partial header to address the ACK to.
 * Its message never contains message content, only positions and codes, so it is safe to log.
 */
public final class Hl7ParseException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient Hl7Error error;
  private final transient MessageHeader partialHeader;

  public Hl7ParseException(Hl7Error error, MessageHeader partialHeader) {
    this(error, partialHeader, null);
  }

  public Hl7ParseException(Hl7Error error, MessageHeader partialHeader, Throwable cause) {
    super(error.code().code() + " " + error.text() + locationSuffix(error), cause);
    this.error = error;
    this.partialHeader = partialHeader;
  }

  private static String locationSuffix(Hl7Error error) {
    return error.location() == null ? "" : " at " + error.location();
  }

  /** What to report: code, location, severity, text. */
  public Hl7Error error() {
    return error;
  }

  /** The header as far as it was readable, to address a negative ACK; empty if there is no MSH. */
  public Optional<MessageHeader> partialHeader() {
    return Optional.ofNullable(partialHeader);
  }
}
