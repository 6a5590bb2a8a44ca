package dev.hl7ferry.edge.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code listener.tls} section: MLLP over TLS, with optional client certificates. See {@code
 * ferry-edge-default.yaml} for what each key means.
 */
public record TlsConfig(
    boolean enabled,
    String certificateFile,
    String privateKeyFile,
    String clientCaFile,
    boolean requireClientCert,
    int reloadCheckSeconds) {

  /** Whether a client CA file is configured. */
  public boolean hasClientCa() {
    return clientCaFile != null && !clientCaFile.isBlank();
  }

  List<String> problems() {
    Problems problems = new Problems("listener.tls");
    if (!enabled) {
      return problems.list();
    }
    problems
        .require(readable(certificateFile), "certificateFile", missing(certificateFile))
        .require(readable(privateKeyFile), "privateKeyFile", missing(privateKeyFile))
        .require(
            hasClientCa() || !requireClientCert,
            "requireClientCert",
            "needs listener.tls.clientCaFile (the CAs client certificates must chain to)")
        .range("reloadCheckSeconds", reloadCheckSeconds, 1, 86_400);
    if (hasClientCa()) {
      problems.require(readable(clientCaFile), "clientCaFile", missing(clientCaFile));
    }
    return problems.list();
  }

  private static boolean readable(String file) {
    return file != null
        && !file.isBlank()
        && Files.isRegularFile(Path.of(file))
        && Files.isReadable(Path.of(file));
  }

  private static String missing(String file) {
    return file == null || file.isBlank()
        ? "must be set when listener.tls.enabled is true"
        : "not a readable file: " + file;
  }
}
