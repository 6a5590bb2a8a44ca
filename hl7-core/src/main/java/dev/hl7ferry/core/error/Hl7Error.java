package dev.hl7ferry.core.error;

import java.util.Objects;

/** One error to report in an acknowledgement: table 0357 code, location, severity and free text. */
public record Hl7Error(ErrorCode code, ErrorLocation location, Severity severity, String text) {

  public Hl7Error {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(severity, "severity");
    text = text == null ? "" : text;
  }

  /** An error with severity E. */
  public static Hl7Error error(ErrorCode code, ErrorLocation location, String text) {
    return new Hl7Error(code, location, Severity.ERROR, text);
  }
}
