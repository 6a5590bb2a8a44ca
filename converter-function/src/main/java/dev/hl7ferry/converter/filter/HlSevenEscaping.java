package dev.hl7ferry.converter.filter;

/** Escaping of values for HL7 output with the standard delimiters, shared by filters and nodes. */
public final class HlSevenEscaping {
  private HlSevenEscaping() {}

  /** {@code value} with HL7 delimiters escaped ({@code ^} to {@code \S\}, ...). */
  public static String encode(String value) {
    return EscapeFilter.ESCAPING.encode(value);
  }
}
