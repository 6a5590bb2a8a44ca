package dev.hl7ferry.edge.server;

import java.time.Duration;

/**
 * Plain values the server bootstrap needs.
 *
 * @param bindAddress address to listen on
 * @param port TCP port, 0 for any free one
 * @param ioThreads Netty I/O threads, 0 for Netty's default
 * @param shutdownGrace how long a graceful stop waits for pending ACKs
 */
public record ServerSettings(String bindAddress, int port, int ioThreads, Duration shutdownGrace) {}
