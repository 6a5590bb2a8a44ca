package dev.hl7ferry.edge.outbound;

import java.util.Optional;

/**
 * The cloud side of the outbound half, built in {@code aws}: the outbound queue, the receipts queue
 * (empty when none is configured) and what closes their clients.
 */
public record OutboundCloud(
    OutboundSource source, Optional<ReceiptQueue> receipts, AutoCloseable clients) {}
