package dev.hl7ferry.edge.server;

import java.time.Duration;

/**
 * Plain values each connection's pipeline is built from ({@link ProtocolModule}).
 *
 * @param maxConnections open connections beyond which a new one is refused
 * @param idleTimeout a connection with no traffic for this long is closed
 * @param maxFrameBytes largest MLLP frame taken whole; a larger one is answered AR/CR
 * @param allowMissingCr accept an end block without its trailing carriage return
 * @param frameTimeout how long a started frame may take to complete
 * @param outsideFrameTimeout how long a connection may go without starting a frame (see {@link
 *     dev.hl7ferry.edge.connection.OutsideFrameTimeout})
 * @param maxPendingPerConnection messages one connection may have awaiting their ACK
 */
public record PipelineSettings(
    int maxConnections,
    Duration idleTimeout,
    int maxFrameBytes,
    boolean allowMissingCr,
    Duration frameTimeout,
    Duration outsideFrameTimeout,
    int maxPendingPerConnection) {}
