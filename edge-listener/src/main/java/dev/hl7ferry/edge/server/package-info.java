/**
 * The listener's bootstrap and wiring: Netty on the NIO transport, the Dagger graph, the
 * per-connection pipeline declared in one place ({@link dev.hl7ferry.edge.server.ProtocolModule}),
 * the one mapping of each config section to the values the parts take, and graceful shutdown.
 */
package dev.hl7ferry.edge.server;
