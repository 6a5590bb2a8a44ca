package dev.hl7ferry.converter.destination;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * One EventBridge PutEvents entry as plain values, made from a delivery: {@code detail} is a JSON
 * object with the ids ({@code deliveryId, entryId, site, route, destination, contentType}) and the
 * output, as a JSON value under {@code body} for a JSON output or as text under {@code bodyText}
 * for HL7. EventBridge has no deduplication: consumers deduplicate by {@code detail.deliveryId}.
 *
 * @param busName the event bus
 * @param source the entry's source ({@code hl7ferry} unless configured)
 * @param detailType the entry's detail-type
 * @param detail the JSON text of the detail
 */
public record EventEntry(String busName, String source, String detailType, String detail) {
  /** EventBridge's limit for one entry (detail, detail-type, source and the rest), in bytes. */
  public static final int MAX_ENTRY_BYTES = 256 * 1024;

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The entry for {@code delivery}; throws when it would exceed {@value #MAX_ENTRY_BYTES}. */
  public static EventEntry of(CloudDestination.EventBridge bus, Delivery delivery)
      throws IOException {
    ObjectNode detail = JSON.createObjectNode();
    detail.put("deliveryId", delivery.deliveryId());
    detail.put("entryId", delivery.entryId());
    detail.put("site", delivery.site());
    detail.put("route", delivery.route());
    detail.put("destination", delivery.destination());
    detail.put("contentType", delivery.contentType());
    if ("application/json".equals(delivery.contentType())) {
      JsonNode body = JSON.readTree(delivery.body());
      detail.set("body", body);
    } else {
      detail.put("bodyText", new String(delivery.body(), StandardCharsets.UTF_8));
    }
    String text;
    try {
      text = JSON.writeValueAsString(detail);
    } catch (JsonProcessingException e) {
      throw new IOException("event detail of " + delivery.deliveryId() + " not writable", e);
    }
    EventEntry entry = new EventEntry(bus.busName(), bus.source(), bus.detailType(), text);
    int size = entry.byteLength();
    if (size > MAX_ENTRY_BYTES) {
      throw new IOException(
          "output of "
              + size
              + " bytes exceeds EventBridge's "
              + MAX_ENTRY_BYTES
              + "-byte entry limit (destination "
              + delivery.destination()
              + ")");
    }
    return entry;
  }

  /** The UTF-8 size EventBridge counts: detail, detail-type and source. */
  public int byteLength() {
    return (detail + detailType + source).getBytes(StandardCharsets.UTF_8).length;
  }

  /** Names and size only: the detail carries PHI. */
  @Override
  public String toString() {
    return "EventEntry[bus="
        + busName
        + " detailType="
        + detailType
        + " size="
        + byteLength()
        + "]";
  }
}
