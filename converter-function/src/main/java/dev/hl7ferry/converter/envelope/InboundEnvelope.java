package dev.hl7ferry.converter.envelope;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The versioned JSON envelope of one inbound message. Unknown properties are ignored so the edge
 * may add fields; {@link EnvelopeReader} checks the ones the converter needs.
 *
 * @param id the edge's entry id (stable across re-shipping)
 * @param site the hospital site; selects the outbound queue and key prefixes
 * @param sha256 lowercase hex digest of the payload bytes
 * @param charset the charset the payload bytes are in (MSH-18 decides when absent)
 * @param receivedAt ISO-8601 instant the edge received the message
 */
@JsonIgnoreProperties(ignoreUnknown = true)
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
    String receivedAt) {}
