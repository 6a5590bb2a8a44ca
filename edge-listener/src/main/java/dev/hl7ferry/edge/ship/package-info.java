/**
 * Shipping: spooled entries go to the cloud in receive order, the payload to object storage under a
 * deterministic key (claim check) and a versioned JSON envelope to a queue, and are marked shipped
 * only after both are confirmed. Pure logic: the cloud is reached through {@link
 * dev.hl7ferry.edge.ship.PayloadStore} and {@link dev.hl7ferry.edge.ship.EnvelopeQueue}, whose AWS
 * implementations live in {@code dev.hl7ferry.edge.aws}.
 */
package dev.hl7ferry.edge.ship;
