package dev.hl7ferry.edge.ship;

/**
 * A cloud call did not confirm. {@link #permanent} when the cloud refused the call's one entry for
 * good (a 4xx that will not change); otherwise an outage, retried forever.
 */
public class ShipException extends Exception {
  private static final long serialVersionUID = 1L;

  private final boolean permanent;

  public ShipException(String message, Throwable cause) {
    this(message, cause, false);
  }

  public ShipException(String message) {
    this(message, null, false);
  }

  public ShipException(String message, Throwable cause, boolean permanent) {
    super(message, cause);
    this.permanent = permanent;
  }

  /** Whether the cloud refused this entry for good rather than being out of reach. */
  public boolean permanent() {
    return permanent;
  }
}
