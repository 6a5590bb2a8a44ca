package dev.hl7ferry.edge.receive;

/** When the edge sends its positive ACK: after the local commit, or once the cloud confirmed. */
public enum AckAfter {
  /** Default: as soon as the spool committed; shipping happens later. */
  SPOOL,
  /**
   * Only after the payload is in S3 and its envelope in SQS ({@link
   * dev.hl7ferry.edge.ship.Shipper#whenShipped}).
   */
  CLOUD
}
