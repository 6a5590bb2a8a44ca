package dev.hl7ferry.contract.receipt;

/** How an outbound output ended at the edge. */
public enum ReceiptOutcome {
  /** The destination accepted it (MLLP AA/CA, HTTP 2xx, file renamed into place). */
  DELIVERED,
  /** Given up on: an application error after the allowed attempts; it will not be sent again. */
  DEAD_LETTERED
}
