/**
 * One accepted connection's own bookkeeping, outside the MLLP protocol: the gates a new connection
 * passes (allow list, per-address cap, accept rate, total cap) and the log of refusals, the idle
 * and outside-frame timeouts, and the open/close log line.
 */
package dev.hl7ferry.edge.connection;
