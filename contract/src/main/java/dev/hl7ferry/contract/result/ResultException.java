package dev.hl7ferry.contract.result;

/**
 * A result envelope that cannot be read: not JSON, an unknown version, or a missing or bad
 * property. The message names the property, never its value.
 */
public final class ResultException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public ResultException(String message) {
    super(message);
  }

  public ResultException(String message, Throwable cause) {
    super(message, cause);
  }
}
