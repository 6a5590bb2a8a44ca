package dev.hl7ferry.contract.receipt;

/** A receipt that cannot be read: not JSON, an unknown version, or a missing or bad property. */
public final class ReceiptException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public ReceiptException(String message) {
    super(message);
  }

  public ReceiptException(String message, Throwable cause) {
    super(message, cause);
  }
}
