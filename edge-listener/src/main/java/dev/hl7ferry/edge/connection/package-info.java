/**
 * One accepted connection's own bookkeeping, outside the MLLP protocol: the limit on open
 * connections, the idle timeout, and the open/close log line with its frame and byte counts.
 */
package dev.hl7ferry.edge.connection;
