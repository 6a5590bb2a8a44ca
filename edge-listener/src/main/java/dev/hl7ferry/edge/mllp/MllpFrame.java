package dev.hl7ferry.edge.mllp;

/**
 * One complete MLLP frame's payload, framing bytes removed.
 *
 * @param payload the bytes between the start block and the end block
 */
public record MllpFrame(byte[] payload) {}
