package dev.hl7ferry.edge.config;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code listener} section: the first listener (where it listens, who may connect) and the
 * limits of every connection on every listener. See {@code ferry-edge-default.yaml} for what each
 * key means.
 */
public record ListenerConfig(
    String name,
    String bindAddress,
    int port,
    List<String> allow,
    int maxConnections,
    int maxConnectionsPerIp,
    int acceptRatePerSecond,
    int acceptBurst,
    int maxFrameBytes,
    boolean allowMissingCr,
    int frameTimeoutSeconds,
    int outsideFrameTimeoutSeconds,
    int idleTimeoutSeconds,
    int maxPendingPerConnection,
    int ioThreads,
    int shutdownGraceSeconds,
    TlsConfig tls) {

  public ListenerConfig {
    allow = allow == null ? null : List.copyOf(allow);
  }

  /** The first listener as an entry of the same shape as {@code listeners}' entries. */
  public ExtraListenerConfig asEntry() {
    return new ExtraListenerConfig(
        name, bindAddress, port, allow, tls, maxConnectionsPerIp, acceptRatePerSecond, acceptBurst);
  }

  List<String> problems() {
    List<String> found = new ArrayList<>(listenerProblems());
    found.addAll(ExtraListenerConfig.allowProblems("listener", allow));
    found.addAll(tls.problems("listener.tls"));
    return List.copyOf(found);
  }

  private List<String> listenerProblems() {
    return new Problems("listener")
        .require(
            name != null && name.matches(ExtraListenerConfig.NAME),
            "name",
            ExtraListenerConfig.NAME_RULE)
        .require(bindAddress != null && !bindAddress.isBlank(), "bindAddress", "must be set")
        .range("port", port, 0, 65535)
        .range("maxConnections", maxConnections, 1, 1_000_000)
        .range("maxConnectionsPerIp", maxConnectionsPerIp, 1, 1_000_000)
        .range("acceptRatePerSecond", acceptRatePerSecond, 1, 1_000_000)
        .range("acceptBurst", acceptBurst, 1, 1_000_000)
        .range("maxFrameBytes", maxFrameBytes, 1024, Integer.MAX_VALUE - 16)
        .range("frameTimeoutSeconds", frameTimeoutSeconds, 1, 86_400)
        .range("outsideFrameTimeoutSeconds", outsideFrameTimeoutSeconds, 1, 86_400)
        .range("idleTimeoutSeconds", idleTimeoutSeconds, 1, 604_800)
        .range("maxPendingPerConnection", maxPendingPerConnection, 1, 100_000)
        .range("ioThreads", ioThreads, 0, 1024)
        .range("shutdownGraceSeconds", shutdownGraceSeconds, 0, 3600)
        .list();
  }
}
