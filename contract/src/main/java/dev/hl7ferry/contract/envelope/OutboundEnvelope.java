package dev.hl7ferry.contract.envelope;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The SQS message body the converter sends to a site's outbound queue for each rendered output: a
 * claim check pointing at the output object. Written by the converter, read by the edge's outbound
 * delivery. Readers ignore unknown properties; anything incompatible gets a new {@code version}.
 *
 * @param version envelope format version, {@value #VERSION}
 * @param id the inbound envelope's id the output was made from
 * @param site the site whose edge delivers the output
 * @param route the route that produced the output
 * @param destination the destination the edge delivers to (also the FIFO message group)
 * @param template the template that rendered the output
 * @param bucket bucket of the output
 * @param key object key {@code outbound/{site}/{destination}/{id}/{route}.{hl7|json}}
 * @param sha256 lowercase hex SHA-256 of the output bytes
 * @param size output size in bytes
 * @param contentType media type of the output ({@code application/hl7-v2} or {@code
 *     application/json}); the bytes are UTF-8
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({
  "version",
  "id",
  "site",
  "route",
  "destination",
  "template",
  "bucket",
  "key",
  "sha256",
  "size",
  "contentType"
})
public record OutboundEnvelope(
    int version,
    String id,
    String site,
    String route,
    String destination,
    String template,
    String bucket,
    String key,
    String sha256,
    long size,
    String contentType) {

  /** The one version written and read today. */
  public static final int VERSION = 1;
}
