package dev.hl7ferry.edge.tls;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * What a TLS listener serves and whom it trusts.
 *
 * @param certificateFile PEM certificate chain, leaf first
 * @param privateKeyFile PEM private key of the leaf (PKCS#8, PKCS#1 RSA or SEC1 EC; unencrypted)
 * @param clientCaFile PEM certificates of the CAs client certificates must chain to; without it no
 *     client certificate is asked for
 * @param requireClientCert refuse a client that presents no certificate (needs a client CA)
 * @param reloadCheck how often the files are checked for a renewal
 */
public record ServerTls(
    Path certificateFile,
    Path privateKeyFile,
    Optional<Path> clientCaFile,
    boolean requireClientCert,
    Duration reloadCheck) {}
