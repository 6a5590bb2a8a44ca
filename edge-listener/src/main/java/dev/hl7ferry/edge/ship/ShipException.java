package dev.hl7ferry.edge.ship;

/** A cloud call did not confirm; the entries it concerned are retried. */
public class ShipException extends Exception {
  private static final long serialVersionUID = 1L;

  public ShipException(String message, Throwable cause) {
    super(message, cause);
  }

  public ShipException(String message) {
    super(message);
  }
}
