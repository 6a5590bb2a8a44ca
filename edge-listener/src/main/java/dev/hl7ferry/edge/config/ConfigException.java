package dev.hl7ferry.edge.config;

/** The configuration cannot be used; the message names the key and the problem. */
public final class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
