package dev.hl7ferry.converter.filter;

/**
 * Text already in HL7 form (escaped, or deliberately raw), which the auto-escaping of HL7 templates
 * writes unchanged. Other filters see it through {@link #toString()}.
 */
public record EscapedText(String text) {
  @Override
  public String toString() {
    return text;
  }
}
