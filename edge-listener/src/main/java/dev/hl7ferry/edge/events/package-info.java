/**
 * What happens in the edge, as events for metrics and the status page: one listener interface
 * ({@link dev.hl7ferry.edge.events.EdgeEvents}) with no-op defaults that receive, ship and deliver
 * call, and the fan-out that hands each event to every interested part. Events carry codes, counts,
 * destination names and durations, never message content.
 */
package dev.hl7ferry.edge.events;
