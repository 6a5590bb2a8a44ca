package dev.hl7ferry.core.error;

/** HL7 table 0516 (error severity) for ERR-4. */
public enum Severity {
  WARNING("W"),
  INFORMATION("I"),
  ERROR("E"),
  FATAL("F");

  private final String code;

  Severity(String code) {
    this.code = code;
  }

  /** The one-letter code written in ERR-4. */
  public String code() {
    return code;
  }
}
