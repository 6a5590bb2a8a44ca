package dev.hl7ferry.contract.envelope;

/**
 * Payload bytes (inline or fetched by a claim check) that are not the ones their envelope
 * describes: another SHA-256 or size. The message names both digests and sizes, never content.
 */
public final class PayloadMismatchException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PayloadMismatchException(String message) {
    super(message);
  }
}
