package dev.hl7ferry.edge.config;

import dev.hl7ferry.edge.tls.ClientTls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code outbound.destinations.X.tls} of an {@code mllp} destination: MLLP over TLS (1.2/1.3) to
 * the hospital system, the server's certificate checked against {@code caFile} (empty: the JDK's
 * CAs) and its name against {@code serverName} (empty: the host), with an optional client
 * certificate.
 */
public record DestinationTlsConfig(
    Boolean enabled,
    String caFile,
    String certificateFile,
    String privateKeyFile,
    String serverName) {

  public DestinationTlsConfig {
    enabled = enabled != null && enabled;
    caFile = caFile == null ? "" : caFile;
    certificateFile = certificateFile == null ? "" : certificateFile;
    privateKeyFile = privateKeyFile == null ? "" : privateKeyFile;
    serverName = serverName == null ? "" : serverName;
  }

  /** TLS off (the section left out). */
  static DestinationTlsConfig off() {
    return new DestinationTlsConfig(false, null, null, null, null);
  }

  /** Adds this section's problems under {@code tls.}; nothing when TLS is off. */
  Problems problems(Problems p) {
    if (!enabled) {
      return p;
    }
    if (!caFile.isEmpty()) {
      p.require(readable(caFile), "tls.caFile", "not a readable file: " + caFile);
    }
    p.require(
        certificateFile.isEmpty() == privateKeyFile.isEmpty(),
        "tls.certificateFile",
        "a client certificate needs both tls.certificateFile and tls.privateKeyFile");
    if (!certificateFile.isEmpty()) {
      p.require(
          readable(certificateFile),
          "tls.certificateFile",
          "not a readable file: " + certificateFile);
    }
    if (!privateKeyFile.isEmpty()) {
      p.require(
          readable(privateKeyFile), "tls.privateKeyFile", "not a readable file: " + privateKeyFile);
    }
    return p;
  }

  /**
   * The client side, loaded once (files read and the key checked against its certificate), or null
   * when TLS is off.
   *
   * @throws UncheckedIOException naming {@code key} when a file does not load
   */
  ClientTls load(String key) {
    if (!enabled) {
      return null;
    }
    try {
      return ClientTls.load(
          path(caFile), path(certificateFile), path(privateKeyFile), Optional.of(serverName));
    } catch (IOException e) {
      throw new UncheckedIOException(key + ".tls: " + e.getMessage(), e);
    }
  }

  private static Optional<Path> path(String file) {
    return file.isEmpty() ? Optional.empty() : Optional.of(Path.of(file));
  }

  private static boolean readable(String file) {
    return Files.isRegularFile(Path.of(file)) && Files.isReadable(Path.of(file));
  }
}
