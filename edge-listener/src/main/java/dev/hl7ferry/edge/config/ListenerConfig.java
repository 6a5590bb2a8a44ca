package dev.hl7ferry.edge.config;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code listener} section: where to listen and the limits of each connection. See {@code
 * ferry-edge-default.yaml} for what each key means.
 */
public record ListenerConfig(
    String bindAddress,
    int port,
    int maxConnections,
    int maxFrameBytes,
    boolean allowMissingCr,
    int frameTimeoutSeconds,
    int idleTimeoutSeconds,
    int maxPendingPerConnection,
    int ioThreads,
    int shutdownGraceSeconds,
    TlsConfig tls) {

  List<String> problems() {
    List<String> found = new ArrayList<>(listenerProblems());
    found.addAll(tls.problems());
    return List.copyOf(found);
  }

  private List<String> listenerProblems() {
    return new Problems("listener")
        .require(bindAddress != null && !bindAddress.isBlank(), "bindAddress", "must be set")
        .range("port", port, 0, 65535)
        .range("maxConnections", maxConnections, 1, 1_000_000)
        .range("maxFrameBytes", maxFrameBytes, 1024, Integer.MAX_VALUE - 16)
        .range("frameTimeoutSeconds", frameTimeoutSeconds, 1, 86_400)
        .range("idleTimeoutSeconds", idleTimeoutSeconds, 1, 604_800)
        .range("maxPendingPerConnection", maxPendingPerConnection, 1, 100_000)
        .range("ioThreads", ioThreads, 0, 1024)
        .range("shutdownGraceSeconds", shutdownGraceSeconds, 0, 3600)
        .list();
  }
}
