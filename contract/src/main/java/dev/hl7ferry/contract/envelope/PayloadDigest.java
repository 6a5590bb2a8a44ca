package dev.hl7ferry.contract.envelope;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The SHA-256 both envelopes state for their payload, and the check of bytes against it. */
public final class PayloadDigest {
  private PayloadDigest() {}

  /** Lowercase hex SHA-256 of {@code bytes}, as the envelopes' {@code sha256} carries it. */
  public static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /**
   * Throws unless {@code bytes} hash to {@code sha256} and are {@code size} long. A version 1
   * envelope with size 0 did not state its size (the converter always accepted that).
   */
  static void verify(int version, String sha256, long size, byte[] bytes) {
    String digest = sha256Hex(bytes);
    boolean sizeStated = version > 1 || size > 0;
    if (!digest.equals(sha256) || (sizeStated && size != bytes.length)) {
      throw new PayloadMismatchException(
          "payload sha256/size mismatch: envelope "
              + sha256
              + "/"
              + size
              + ", payload "
              + digest
              + "/"
              + bytes.length);
    }
  }
}
