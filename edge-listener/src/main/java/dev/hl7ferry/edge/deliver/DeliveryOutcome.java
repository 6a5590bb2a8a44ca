package dev.hl7ferry.edge.deliver;

/** How one delivery attempt went. */
public enum DeliveryOutcome {
  /** The destination took the output (AA/CA, 2xx, file in place). */
  DELIVERED,
  /**
   * The output did not get through for a reason unrelated to its content (down, timeout, AR/CR,
   * 5xx, wrong MSA-2): send it again later.
   */
  TRANSIENT_FAILURE,
  /**
   * The destination refused this output's content (AE/CE, HTTP 4xx): sending it again likely fails.
   */
  APPLICATION_ERROR
}
