/**
 * What the edge is doing now, for people and probes: the listeners bound, the {@link
 * dev.hl7ferry.edge.status.StatusBoard} that keeps counts, rates and last errors from the edge's
 * events, the {@link dev.hl7ferry.edge.status.EdgeStatus} snapshot the status page shows (counts,
 * states, codes and control ids only, never message content) and the readiness checks.
 */
package dev.hl7ferry.edge.status;
