package dev.hl7ferry.edge.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hl7ferry.edge.tls.TestCertificates.Algorithm;
import dev.hl7ferry.edge.tls.TestCertificates.Issued;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemFilesTest {
  @TempDir Path dir;
  private final Issued ca = TestCertificates.authority("CA");

  private Issued leaf(Algorithm algorithm) {
    Instant now = Instant.now();
    return TestCertificates.leaf(
        ca, "edge", 5, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)), algorithm);
  }

  @Test
  void readsPkcs8KeysOfBothAlgorithms() throws IOException {
    for (Algorithm algorithm : Algorithm.values()) {
      Issued leaf = leaf(algorithm);
      PrivateKey key = PemFiles.privateKey(leaf.writeKey(dir.resolve(algorithm + ".pk8")));
      assertEquals(leaf.keys().getPrivate(), key);
      PemFiles.checkPair(key, leaf.certificate(), dir);
    }
  }

  @Test
  void readsPkcs1RsaKeys() throws IOException {
    Issued leaf = leaf(Algorithm.RSA);
    Path file = leaf.writeTraditionalKey(dir.resolve("rsa.key"));
    assertTrue(Files.readString(file).startsWith("-----BEGIN RSA PRIVATE KEY-----"));
    PrivateKey key = PemFiles.privateKey(file);
    PemFiles.checkPair(key, leaf.certificate(), file);
    assertEquals("RSA", key.getAlgorithm());
  }

  @Test
  void readsSec1EcKeys() throws IOException {
    Issued leaf = leaf(Algorithm.EC);
    Path file = leaf.writeTraditionalKey(dir.resolve("ec.key"));
    assertTrue(Files.readString(file).startsWith("-----BEGIN EC PRIVATE KEY-----"));
    PrivateKey key = PemFiles.privateKey(file);
    PemFiles.checkPair(key, leaf.certificate(), file);
    assertEquals("EC", key.getAlgorithm());
  }

  @Test
  void aKeyOfAnotherCertificateIsRefusedNamingTheFile() throws IOException {
    Issued leaf = leaf(Algorithm.EC);
    Path otherKey = leaf(Algorithm.EC).writeKey(dir.resolve("other.key"));
    IOException e =
        assertThrows(
            IOException.class,
            () -> PemFiles.checkPair(PemFiles.privateKey(otherKey), leaf.certificate(), otherKey));
    assertTrue(e.getMessage().contains("other.key") && e.getMessage().contains("does not match"));
  }

  @Test
  void readsAChainLeafFirst() throws IOException {
    Issued leaf = leaf(Algorithm.EC);
    Path file = dir.resolve("chain.pem");
    Files.writeString(
        file,
        Files.readString(leaf.writeCertificate(dir.resolve("l.pem")))
            + Files.readString(ca.writeCertificate(dir.resolve("c.pem"))));
    assertEquals(List.of(leaf.certificate(), ca.certificate()), PemFiles.certificates(file));
  }

  @Test
  void filesWithoutPemContentAreRefusedNamingTheFile() throws IOException {
    Path empty = Files.writeString(dir.resolve("empty.pem"), "nothing here\n");
    assertTrue(
        assertThrows(IOException.class, () -> PemFiles.privateKey(empty))
            .getMessage()
            .contains("empty.pem"));
    assertTrue(
        assertThrows(IOException.class, () -> PemFiles.certificates(empty))
            .getMessage()
            .contains("empty.pem"));
  }
}
