package dev.hl7ferry.edge.server;

import java.time.Duration;

/**
 * Plain values the server bootstrap needs for all its listeners.
 *
 * @param ioThreads Netty I/O threads, 0 for Netty's default
 * @param shutdownGrace how long a graceful stop waits for pending ACKs
 */
public record ServerSettings(int ioThreads, Duration shutdownGrace) {}
