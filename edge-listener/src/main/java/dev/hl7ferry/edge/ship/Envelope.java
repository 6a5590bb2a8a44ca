package dev.hl7ferry.edge.ship;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The SQS message body that points at a shipped payload (claim check). Version 1; readers must
 * ignore unknown fields so that later versions can add some. Header fields are raw MSH values.
 *
 * @param version envelope format version, {@value #VERSION}
 * @param id spool entry id (deterministic; also the FIFO deduplication id)
 * @param site the edge site that received the message
 * @param bucket bucket of the payload
 * @param key object key of the payload
 * @param sha256 hex SHA-256 of the payload bytes
 * @param size payload size in bytes
 * @param charset Java name of the payload's charset
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
@JsonPropertyOrder({"version", "id"})
public record Envelope(
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

  public static final int VERSION = 1;
}
