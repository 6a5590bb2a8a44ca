package dev.hl7ferry.converter.filter;

/**
 * A filter refused its input. The message names the filter and the problem, never the value (which
 * comes from a message and may be PHI), so it may go into logs and error records; the cause, which
 * may hold the value, is kept for debugging but never printed.
 */
public final class FilterException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public FilterException(String message) {
    super(message);
  }

  public FilterException(String message, Throwable cause) {
    super(message, cause);
  }
}
