package dev.hl7ferry.edge.spool;

/** A read-side spool operation (query, mark shipped, prune...) failed or the spool is closed. */
public class SpoolAccessException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SpoolAccessException(String message, Throwable cause) {
    super(message, cause);
  }
}
