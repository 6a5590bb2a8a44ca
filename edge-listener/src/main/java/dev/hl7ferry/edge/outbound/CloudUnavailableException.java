package dev.hl7ferry.edge.outbound;

/** A call to the cloud (receive, claim check, delete, receipt send) failed; try again later. */
public final class CloudUnavailableException extends Exception {
  private static final long serialVersionUID = 1L;

  public CloudUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
