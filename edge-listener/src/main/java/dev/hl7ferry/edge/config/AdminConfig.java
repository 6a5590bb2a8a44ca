package dev.hl7ferry.edge.config;

import java.util.List;

/**
 * The {@code admin} section: the HTTP port for health checks, metrics and the status page. See
 * {@code ferry-edge-default.yaml} for what each key means.
 */
public record AdminConfig(
    String bindAddress, int port, long minFreeDiskBytes, String tokenFile, int refreshSeconds) {

  /** No admin port. */
  public static final AdminConfig OFF = new AdminConfig("127.0.0.1", 0, 0, "", 2);

  /** Port value that picks any free port (tests; the bound port is logged). */
  public static final int ANY_PORT = -1;

  /** Whether the admin port is on ({@code port} 0 turns it off). */
  public boolean enabled() {
    return port != 0;
  }

  /** The port to bind: 0 for any free one. */
  public int bindPort() {
    return port == ANY_PORT ? 0 : port;
  }

  /** Whether {@code tokenFile} is set. */
  public boolean hasTokenFile() {
    return tokenFile != null && !tokenFile.isBlank();
  }

  List<String> problems() {
    return new Problems("admin")
        .require(bindAddress != null && !bindAddress.isBlank(), "bindAddress", "must be set")
        .range("port", port, ANY_PORT, 65535)
        .range("minFreeDiskBytes", minFreeDiskBytes, 0, Long.MAX_VALUE)
        .range("refreshSeconds", refreshSeconds, 1, 3600)
        .require(
            !hasTokenFile() || java.nio.file.Files.isReadable(java.nio.file.Path.of(tokenFile)),
            "tokenFile",
            "not a readable file: " + tokenFile)
        .list();
  }
}
