package dev.hl7ferry.contract.envelope;

/** An envelope that cannot be read: not JSON, an unknown version, or a missing or bad property. */
public final class EnvelopeException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public EnvelopeException(String message) {
    super(message);
  }

  public EnvelopeException(String message, Throwable cause) {
    super(message, cause);
  }
}
