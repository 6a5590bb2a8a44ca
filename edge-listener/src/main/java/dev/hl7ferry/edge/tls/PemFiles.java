package dev.hl7ferry.edge.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads PEM files: certificate chains, and unencrypted private keys as PKCS#8 ({@code PRIVATE
 * KEY}), PKCS#1 ({@code RSA PRIVATE KEY}) or SEC1 ({@code EC PRIVATE KEY}), the forms openssl and
 * certificate tools write.
 */
public final class PemFiles {
  private static final Pattern BLOCK =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");
  private static final String[] KEY_ALGORITHMS = {"RSA", "EC", "EdDSA"};

  private PemFiles() {}

  /** The certificates in {@code file}, leaf first as written; fails when there is none. */
  public static List<X509Certificate> certificates(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      List<X509Certificate> chain =
          CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
              .map(X509Certificate.class::cast)
              .toList();
      if (chain.isEmpty()) {
        throw new IOException(file + ": no PEM certificate in it");
      }
      return chain;
    } catch (java.security.cert.CertificateException e) {
      throw new IOException(file + ": not a PEM certificate file: " + e.getMessage(), e);
    }
  }

  /** The private key in {@code file}. */
  public static PrivateKey privateKey(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.US_ASCII);
    Matcher block = BLOCK.matcher(text);
    while (block.find()) {
      String type = block.group(1);
      if (!type.endsWith("PRIVATE KEY")) {
        continue;
      }
      byte[] der = Base64.getMimeDecoder().decode(block.group(2).strip());
      byte[] pkcs8 =
          switch (type) {
            case "PRIVATE KEY" -> der;
            case "RSA PRIVATE KEY" -> DerKeys.rsaToPkcs8(der);
            case "EC PRIVATE KEY" -> DerKeys.ecToPkcs8(der);
            case "ENCRYPTED PRIVATE KEY" ->
                throw new IOException(
                    file
                        + ": encrypted private keys are not supported; store it unencrypted (0600)");
            default -> throw new IOException(file + ": unsupported key type " + type);
          };
      return decode(file, pkcs8);
    }
    throw new IOException(file + ": no PEM private key in it");
  }

  private static PrivateKey decode(Path file, byte[] pkcs8) throws IOException {
    for (String algorithm : KEY_ALGORITHMS) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
      } catch (GeneralSecurityException e) {
        // not this algorithm; try the next
      }
    }
    throw new IOException(file + ": private key is not RSA, EC or EdDSA, or is damaged");
  }

  /**
   * Fails unless {@code key} belongs to {@code certificate} (a signature made with the one verifies
   * with the other), so a half-renewed pair is never served.
   */
  public static void checkPair(PrivateKey key, Certificate certificate, Path keyFile)
      throws IOException {
    String algorithm =
        switch (key.getAlgorithm()) {
          case "RSA" -> "SHA256withRSA";
          case "EC" -> "SHA256withECDSA";
          default -> key.getAlgorithm(); // EdDSA, Ed25519, Ed448 sign without a separate digest
        };
    try {
      byte[] challenge = new byte[32];
      new SecureRandom().nextBytes(challenge);
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(challenge);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(certificate.getPublicKey());
      verifier.update(challenge);
      if (!verifier.verify(signature)) {
        throw new IOException(keyFile + ": private key does not match the certificate");
      }
    } catch (GeneralSecurityException e) {
      throw new IOException(
          keyFile + ": private key does not match the certificate (" + e.getMessage() + ")", e);
    }
  }
}
