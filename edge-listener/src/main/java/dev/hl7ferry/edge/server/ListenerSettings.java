package dev.hl7ferry.edge.server;

import dev.hl7ferry.edge.connection.Cidr;
import dev.hl7ferry.edge.tls.ServerTls;
import java.util.List;
import java.util.Optional;

/**
 * Plain values of one listener.
 *
 * @param name how logs and refusals name it
 * @param bindAddress address to listen on
 * @param port TCP port, 0 for any free one
 * @param allow the address ranges a peer must be in
 * @param tls what it serves over TLS; empty for plain MLLP
 * @param maxConnectionsPerIp connections one peer address may hold open on it
 * @param acceptRatePerSecond new connections accepted per second, on average
 * @param acceptBurst new connections accepted at once after a quiet spell
 */
public record ListenerSettings(
    String name,
    String bindAddress,
    int port,
    List<Cidr> allow,
    Optional<ServerTls> tls,
    int maxConnectionsPerIp,
    int acceptRatePerSecond,
    int acceptBurst) {}
