/**
 * Shipping: spooled entries go to the cloud in receive order as versioned JSON envelopes on a
 * queue, carrying small payloads inline and pointing at an object (claim check) for larger ones;
 * each round's inline payloads are archived as one object with an index; entries are marked shipped
 * only after everything they depend on is confirmed, and an entry the cloud refuses for good is
 * quarantined so that no entry stops the line. Pure logic: the cloud is reached through {@link
 * dev.hl7ferry.edge.ship.PayloadStore} and {@link dev.hl7ferry.edge.ship.EnvelopeQueue}, whose AWS
 * implementations live in {@code dev.hl7ferry.edge.aws}.
 */
package dev.hl7ferry.edge.ship;
