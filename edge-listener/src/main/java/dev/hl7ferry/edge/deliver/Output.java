package dev.hl7ferry.edge.deliver;

import java.util.Objects;

/**
 * One rendered output to deliver.
 *
 * @param id unique per output (the durable store's key; it appears in file names)
 * @param destination name of the destination it goes to
 * @param controlId MSH-10 of the output, empty when it is not HL7 v2 (logs and file names only; the
 *     MLLP destination reads MSH-10 from the bytes it sends)
 * @param contentType media type, e.g. {@code application/hl7-v2} or {@code application/json}
 * @param payload the bytes, UTF-8 text
 */
public record Output(
    String id, String destination, String controlId, String contentType, byte[] payload) {

  public static final String HL7_V2 = "application/hl7-v2";
  public static final String JSON = "application/json";

  public Output {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(payload, "payload");
    controlId = controlId == null ? "" : controlId;
    contentType = contentType == null || contentType.isBlank() ? HL7_V2 : contentType;
  }

  /** The file extension for the content type: hl7, json or bin. */
  public String extension() {
    String base = contentType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
    return switch (base) {
      case HL7_V2 -> "hl7";
      case JSON -> "json";
      default -> "bin";
    };
  }

  @Override
  public String toString() {
    // No payload: an Output may reach a log line.
    return "Output[id="
        + id
        + ", destination="
        + destination
        + ", controlId="
        + controlId
        + ", contentType="
        + contentType
        + ", size="
        + payload.length
        + "]";
  }
}
