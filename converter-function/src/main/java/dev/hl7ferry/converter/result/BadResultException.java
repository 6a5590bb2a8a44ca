package dev.hl7ferry.converter.result;

/** A result that cannot be used: the reason names rules, positions and ids, never a value. */
public final class BadResultException extends Exception {
  private static final long serialVersionUID = 1L;

  public BadResultException(String message, Throwable cause) {
    super(message, cause);
  }
}
