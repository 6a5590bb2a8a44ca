package dev.hl7ferry.edge.tls;

import java.io.IOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;

/** Certificate authorities and certificates made inside a test, written as PEM files. */
public final class TestCertificates {
  private TestCertificates() {}

  /** Key algorithms a test may pick; EC keys are quick to make. */
  public enum Algorithm {
    EC("EC", 256, "SHA256withECDSA"),
    RSA("RSA", 2048, "SHA256withRSA");

    final String name;
    final int bits;
    final String signature;

    Algorithm(String name, int bits, String signature) {
      this.name = name;
      this.bits = bits;
      this.signature = signature;
    }

    KeyPair generate() {
      try {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(name);
        generator.initialize(bits);
        return generator.generateKeyPair();
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** A certificate and its key pair. */
  public record Issued(X509Certificate certificate, KeyPair keys) {
    /** Writes the certificate as PEM. */
    public Path writeCertificate(Path file) throws IOException {
      write(file, certificate);
      return file;
    }

    /** Writes the key as PKCS#8 ({@code BEGIN PRIVATE KEY}). */
    public Path writeKey(Path file) throws IOException {
      try {
        write(file, new JcaPKCS8Generator(keys.getPrivate(), null).generate());
      } catch (org.bouncycastle.util.io.pem.PemGenerationException e) {
        throw new IOException(e);
      }
      return file;
    }

    /**
     * Writes the key in openssl's traditional form: PKCS#1 ({@code RSA PRIVATE KEY}) or SEC1 with
     * its curve ({@code EC PRIVATE KEY}).
     */
    public Path writeTraditionalKey(Path file) throws IOException {
      if (keys.getPrivate() instanceof java.security.interfaces.ECPrivateKey ec) {
        PrivateKeyInfo info = PrivateKeyInfo.getInstance(ec.getEncoded());
        byte[] sec1 =
            new org.bouncycastle.asn1.sec.ECPrivateKey(
                    ec.getParams().getOrder().bitLength(),
                    ec.getS(),
                    info.getPrivateKeyAlgorithm().getParameters())
                .getEncoded();
        write(file, new PemObject("EC PRIVATE KEY", sec1));
      } else {
        write(file, keys.getPrivate());
      }
      return file;
    }

    public BigInteger serial() {
      return certificate.getSerialNumber();
    }
  }

  /** A self-signed CA valid from an hour ago for a day. */
  public static Issued authority(String name) {
    KeyPair keys = Algorithm.EC.generate();
    Instant now = Instant.now();
    return sign(
        name,
        keys,
        name,
        keys,
        BigInteger.ONE,
        now.minus(Duration.ofHours(1)),
        now.plus(Duration.ofDays(1)),
        true,
        Algorithm.EC);
  }

  /** A leaf for {@code localhost} and 127.0.0.1, valid from an hour ago for a day. */
  public static Issued leaf(Issued ca, String name, long serial) {
    Instant now = Instant.now();
    return leaf(
        ca,
        name,
        serial,
        now.minus(Duration.ofHours(1)),
        now.plus(Duration.ofDays(1)),
        Algorithm.EC);
  }

  /** A leaf for {@code localhost} and 127.0.0.1 with the given validity and key algorithm. */
  public static Issued leaf(
      Issued ca,
      String name,
      long serial,
      Instant notBefore,
      Instant notAfter,
      Algorithm algorithm) {
    String issuer = ca.certificate().getSubjectX500Principal().getName();
    return sign(
        name,
        algorithm.generate(),
        issuer,
        ca.keys(),
        BigInteger.valueOf(serial),
        notBefore,
        notAfter,
        false,
        Algorithm.EC);
  }

  private static Issued sign(
      String subject,
      KeyPair subjectKeys,
      String issuer,
      KeyPair issuerKeys,
      BigInteger serial,
      Instant notBefore,
      Instant notAfter,
      boolean authority,
      Algorithm issuerAlgorithm) {
    try {
      JcaX509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              new X500Name(issuer.contains("=") ? issuer : "CN=" + issuer),
              serial,
              Date.from(notBefore),
              Date.from(notAfter),
              new X500Name("CN=" + subject),
              subjectKeys.getPublic());
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
      if (!authority) {
        builder.addExtension(
            Extension.subjectAlternativeName,
            false,
            new GeneralNames(
                new GeneralName[] {
                  new GeneralName(GeneralName.dNSName, "localhost"),
                  new GeneralName(GeneralName.iPAddress, "127.0.0.1")
                }));
      }
      X509Certificate certificate =
          new JcaX509CertificateConverter()
              .getCertificate(
                  builder.build(
                      new JcaContentSignerBuilder(issuerAlgorithm.signature)
                          .build(issuerKeys.getPrivate())));
      return new Issued(certificate, subjectKeys);
    } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void write(Path file, Object pemObject) throws IOException {
    // Written beside and moved, as a renewal tool does, so a watcher never reads half a file.
    Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
    try (Writer out = Files.newBufferedWriter(temporary);
        JcaPEMWriter pem = new JcaPEMWriter(out)) {
      pem.writeObject(pemObject);
    }
    Files.move(
        temporary,
        file,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }
}
