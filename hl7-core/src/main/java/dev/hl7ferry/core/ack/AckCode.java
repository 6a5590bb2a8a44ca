package dev.hl7ferry.core.ack;

/** HL7 table 0008 acknowledgement codes, written in MSA-1. */
public enum AckCode {
  AA,
  AE,
  AR,
  CA,
  CE,
  CR;

  /** The code for an outcome in a mode. */
  public static AckCode of(AckMode mode, AckOutcome outcome) {
    boolean enhanced = mode == AckMode.ENHANCED;
    return switch (outcome) {
      case ACCEPT -> enhanced ? CA : AA;
      case ERROR -> enhanced ? CE : AE;
      case REJECT -> enhanced ? CR : AR;
    };
  }

  /** Whether this code says the message was accepted. */
  public boolean positive() {
    return this == AA || this == CA;
  }
}
