package dev.hl7ferry.core.ack;

import dev.hl7ferry.core.message.MessageHeader;

/** Original mode (AA/AE/AR) or enhanced mode (CA/CE/CR), chosen by each message's MSH-15/16. */
public enum AckMode {
  ORIGINAL,
  ENHANCED;

  /** Enhanced when MSH-15 or MSH-16 is valued, original when both are empty. */
  public static AckMode of(MessageHeader header) {
    return header.enhancedMode() ? ENHANCED : ORIGINAL;
  }
}
