package dev.hl7ferry.converter.route;

/**
 * Condition fields read from the envelope rather than the message; a route with a condition on
 * {@link #RESULT_TYPE} or {@link #VENDOR} is a result route.
 */
public enum Attribute {
  /** {@code site}: the envelope's site. */
  SITE("site"),
  /** {@code vendor}: the vendor that submitted a result. */
  VENDOR("vendor"),
  /** {@code result-type}: a result's {@code resultType}. */
  RESULT_TYPE("result-type");

  private final String key;

  Attribute(String key) {
    this.key = key;
  }

  /** The field name in the routes file. */
  public String key() {
    return key;
  }

  /** The attribute a routes file field names, or null. */
  static Attribute of(String field) {
    for (Attribute a : values()) {
      if (a.key.equals(field)) {
        return a;
      }
    }
    return null;
  }
}
