package dev.hl7ferry.converter.route;

/** The routes file is malformed; the message names the file and the offending key. */
public final class RouteConfigException extends Exception {

  public RouteConfigException(String message) {
    super(message);
  }

  public RouteConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
