package dev.hl7ferry.edge.tls;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * Wraps the older private key encodings into PKCS#8, the one the JDK's key factories read.
 *
 * <pre>
 * PKCS#8: SEQUENCE { INTEGER 0, SEQUENCE { OID algorithm, parameters }, OCTET STRING key }
 * PKCS#1: RSAPrivateKey, wrapped with rsaEncryption and NULL parameters
 * SEC1:   SEQUENCE { INTEGER 1, OCTET STRING d, [0] OID curve, [1] BIT STRING public key },
 *         wrapped with id-ecPublicKey and the curve taken from its [0]
 * </pre>
 */
final class DerKeys {
  private static final byte SEQUENCE = 0x30;
  private static final byte OCTET_STRING = 0x04;
  private static final byte CONTEXT_0 = (byte) 0xA0;
  private static final byte[] VERSION_0 = {0x02, 0x01, 0x00};
  private static final byte[] RSA_ENCRYPTION = {
    0x06,
    0x09,
    0x2A,
    (byte) 0x86,
    0x48,
    (byte) 0x86,
    (byte) 0xF7,
    0x0D,
    0x01,
    0x01,
    0x01,
    0x05,
    0x00
  };
  private static final byte[] EC_PUBLIC_KEY = {
    0x06, 0x07, 0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x02, 0x01
  };

  private DerKeys() {}

  static byte[] rsaToPkcs8(byte[] pkcs1) {
    return pkcs8(RSA_ENCRYPTION, pkcs1);
  }

  static byte[] ecToPkcs8(byte[] sec1) throws IOException {
    byte[] curve = null;
    int at = contentStart(sec1, 0, SEQUENCE);
    while (at < sec1.length) {
      int end = elementEnd(sec1, at);
      if (sec1[at] == CONTEXT_0) {
        curve = Arrays.copyOfRange(sec1, contentStart(sec1, at, CONTEXT_0), end);
      }
      at = end;
    }
    if (curve == null) {
      throw new IOException("EC private key names no curve (SEC1 without parameters)");
    }
    return pkcs8(concat(EC_PUBLIC_KEY, curve), sec1);
  }

  private static byte[] pkcs8(byte[] algorithmContent, byte[] key) {
    return tlv(
        SEQUENCE, concat(VERSION_0, tlv(SEQUENCE, algorithmContent), tlv(OCTET_STRING, key)));
  }

  /** Where the content of the element at {@code at} starts; checks its tag. */
  private static int contentStart(byte[] der, int at, byte tag) throws IOException {
    if (at >= der.length || der[at] != tag) {
      throw new IOException("not the DER key structure expected");
    }
    int first = der[at + 1] & 0xFF;
    return first < 0x80 ? at + 2 : at + 2 + (first & 0x7F);
  }

  /** The index just past the element starting at {@code at}. */
  private static int elementEnd(byte[] der, int at) throws IOException {
    if (at + 1 >= der.length) {
      throw new IOException("truncated DER key");
    }
    int first = der[at + 1] & 0xFF;
    if (first < 0x80) {
      return at + 2 + first;
    }
    int lengthBytes = first & 0x7F;
    int length = 0;
    for (int i = 0; i < lengthBytes; i++) {
      length = (length << 8) | (der[at + 2 + i] & 0xFF);
    }
    return at + 2 + lengthBytes + length;
  }

  private static byte[] tlv(byte tag, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
    out.write(tag);
    int length = content.length;
    if (length < 0x80) {
      out.write(length);
    } else {
      int bytes = length > 0xFFFFFF ? 4 : length > 0xFFFF ? 3 : length > 0xFF ? 2 : 1;
      out.write(0x80 | bytes);
      for (int i = bytes - 1; i >= 0; i--) {
        out.write(length >>> (8 * i));
      }
    }
    out.writeBytes(content);
    return out.toByteArray();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
