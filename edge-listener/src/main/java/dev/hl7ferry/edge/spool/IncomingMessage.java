package dev.hl7ferry.edge.spool;

import java.time.Instant;

/**
 * A received message as the spool stores it: the raw bytes exactly as framed, the charset they were
 * decoded with, and the header fields kept beside them for listing and shipping.
 *
 * @param payload raw message bytes (MLLP framing removed)
 * @param charset Java name of the charset the payload is in
 * @param sendingApplication MSH-3 raw
 * @param sendingFacility MSH-4 raw
 * @param receivingApplication MSH-5 raw
 * @param receivingFacility MSH-6 raw
 * @param messageType MSH-9 raw
 * @param controlId MSH-10 raw
 * @param processingId MSH-11 raw
 * @param versionId MSH-12 raw
 * @param peer remote address of the sender, e.g. {@code 10.1.2.3:51234}
 * @param receivedAt when the frame was complete
 */
public record IncomingMessage(
    byte[] payload,
    String charset,
    String sendingApplication,
    String sendingFacility,
    String receivingApplication,
    String receivingFacility,
    String messageType,
    String controlId,
    String processingId,
    String versionId,
    String peer,
    Instant receivedAt) {}
