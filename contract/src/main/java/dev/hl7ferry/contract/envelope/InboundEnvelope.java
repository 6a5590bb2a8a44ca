package dev.hl7ferry.contract.envelope;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The SQS message body the edge sends for each shipped message: a claim check pointing at the S3
 * payload, with the raw MSH header values for routing and error records without opening it. Written
 * by the edge shipper, read by the converter. Readers ignore unknown properties, so a later minor
 * change may add some; anything incompatible gets a new {@code version}.
 *
 * @param version envelope format version, {@value #VERSION}
 * @param id spool entry id (deterministic, lowercase hex; also the FIFO deduplication id and part
 *     of the converter's keys)
 * @param site the edge site that received the message (selects outbound queue and key prefixes)
 * @param bucket bucket of the payload
 * @param key object key of the payload
 * @param sha256 lowercase hex SHA-256 of the payload bytes
 * @param size payload size in bytes
 * @param charset Java name of the payload's charset (the converter decodes by MSH-18)
 * @param sendingApplication MSH-3
 * @param sendingFacility MSH-4
 * @param receivingApplication MSH-5
 * @param receivingFacility MSH-6
 * @param messageType MSH-9
 * @param controlId MSH-10
 * @param processingId MSH-11
 * @param versionId MSH-12
 * @param receivedAt ISO-8601 UTC instant the edge received the message
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({
  "version",
  "id",
  "site",
  "bucket",
  "key",
  "sha256",
  "size",
  "charset",
  "sendingApplication",
  "sendingFacility",
  "receivingApplication",
  "receivingFacility",
  "messageType",
  "controlId",
  "processingId",
  "versionId",
  "receivedAt"
})
public record InboundEnvelope(
    int version,
    String id,
    String site,
    String bucket,
    String key,
    String sha256,
    long size,
    String charset,
    String sendingApplication,
    String sendingFacility,
    String receivingApplication,
    String receivingFacility,
    String messageType,
    String controlId,
    String processingId,
    String versionId,
    String receivedAt) {

  /** The one version written and read today. */
  public static final int VERSION = 1;
}
