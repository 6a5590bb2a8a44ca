/**
 * The listener: Netty bootstrap on the NIO transport, the per-connection pipeline declared in one
 * place ({@link dev.hl7ferry.edge.server.ProtocolModule}), connection limits, idle timeouts and
 * graceful shutdown.
 */
package dev.hl7ferry.edge.server;
