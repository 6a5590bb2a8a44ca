package dev.hl7ferry.edge.mllp;

/**
 * A frame longer than the configured maximum. Only its head is kept (enough to read a header and
 * address a negative acknowledgement); the rest was discarded up to the end block.
 *
 * @param head the first bytes of the payload
 * @param length the full payload length in bytes
 * @param limit the maximum that was exceeded
 */
public record OversizedFrame(byte[] head, long length, int limit) {}
