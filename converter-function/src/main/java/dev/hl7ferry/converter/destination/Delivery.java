package dev.hl7ferry.converter.destination;

import java.util.Objects;

/**
 * One rendered output bound for one cloud destination.
 *
 * @param deliveryId the output id, SHA-256 hex of (entry id, route, destination): the same on every
 *     redelivery, so receivers deduplicate by it (FIFO deduplication id, S3 key, {@code
 *     Ferry-Delivery-Id})
 * @param entryId the id of what the output was made from: the inbound envelope id (what a vendor
 *     puts in a result's {@code correlation.entryId}), or a result's derived id
 * @param site the site the input belongs to
 * @param route the route that rendered it
 * @param destination the cloud destination's name
 * @param contentType {@code application/json} or {@code application/hl7-v2} (UTF-8)
 * @param extension {@code json} or {@code hl7}
 * @param body the output bytes (UTF-8)
 */
public record Delivery(
    String deliveryId,
    String entryId,
    String site,
    String route,
    String destination,
    String contentType,
    String extension,
    byte[] body) {

  public Delivery {
    Objects.requireNonNull(deliveryId, "deliveryId");
    Objects.requireNonNull(body, "body");
  }

  /** Ids and size only: the body carries PHI. */
  @Override
  public String toString() {
    return "Delivery[id="
        + deliveryId
        + " entry="
        + entryId
        + " site="
        + site
        + " route="
        + route
        + " destination="
        + destination
        + " size="
        + body.length
        + "]";
  }
}
