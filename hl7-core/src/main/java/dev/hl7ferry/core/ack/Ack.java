package dev.hl7ferry.core.ack;

import java.nio.charset.Charset;

/**
 * A built acknowledgement.
 *
 * @param code MSA-1
 * @param controlId the ACK's own new MSH-10
 * @param acknowledgedControlId MSA-2, the original MSH-10
 * @param text the ACK message, segments separated by CR
 */
public record Ack(AckCode code, String controlId, String acknowledgedControlId, String text) {

  /** The ACK encoded in {@code charset} (the original message's charset). */
  public byte[] bytes(Charset charset) {
    return text.getBytes(charset);
  }
}
