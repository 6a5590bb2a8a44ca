package dev.hl7ferry.converter.dispatch;

/**
 * One outbound envelope on its way to a site's outbound queue: the destination (the FIFO group),
 * the envelope JSON and the deterministic deduplication id that makes a redelivered send a no-op.
 */
public record OutboundMessage(String destination, String body, String deduplicationId) {}
