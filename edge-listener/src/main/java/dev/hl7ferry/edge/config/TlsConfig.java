package dev.hl7ferry.edge.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code listener.tls} section (and a {@code listeners} entry's {@code tls}): MLLP over TLS,
 * with optional client certificates. See {@code ferry-edge-default.yaml} for what each key means.
 */
public record TlsConfig(
    Boolean enabled,
    String certificateFile,
    String privateKeyFile,
    String clientCaFile,
    Boolean requireClientCert,
    Integer reloadCheckSeconds) {

  /** Keys left out (a {@code listeners} entry's {@code tls} has no defaults merged in). */
  public TlsConfig {
    enabled = enabled != null && enabled;
    certificateFile = certificateFile == null ? "" : certificateFile;
    privateKeyFile = privateKeyFile == null ? "" : privateKeyFile;
    clientCaFile = clientCaFile == null ? "" : clientCaFile;
    requireClientCert = requireClientCert != null && requireClientCert;
    reloadCheckSeconds = reloadCheckSeconds == null ? 60 : reloadCheckSeconds;
  }

  /** Whether a client CA file is configured. */
  public boolean hasClientCa() {
    return clientCaFile != null && !clientCaFile.isBlank();
  }

  /** TLS off (a listener entry without a {@code tls} key). */
  static TlsConfig off() {
    return new TlsConfig(false, "", "", "", false, 60);
  }

  List<String> problems(String prefix) {
    Problems problems = new Problems(prefix);
    if (!enabled) {
      return problems.list();
    }
    problems
        .require(readable(certificateFile), "certificateFile", missing(certificateFile, prefix))
        .require(readable(privateKeyFile), "privateKeyFile", missing(privateKeyFile, prefix))
        .require(
            hasClientCa() || !requireClientCert,
            "requireClientCert",
            "needs " + prefix + ".clientCaFile (the CAs client certificates must chain to)")
        .range("reloadCheckSeconds", reloadCheckSeconds, 1, 86_400);
    if (hasClientCa()) {
      problems.require(readable(clientCaFile), "clientCaFile", missing(clientCaFile, prefix));
    }
    return problems.list();
  }

  private static boolean readable(String file) {
    return file != null
        && !file.isBlank()
        && Files.isRegularFile(Path.of(file))
        && Files.isReadable(Path.of(file));
  }

  private static String missing(String file, String prefix) {
    return file == null || file.isBlank()
        ? "must be set when " + prefix + ".enabled is true"
        : "not a readable file: " + file;
  }
}
