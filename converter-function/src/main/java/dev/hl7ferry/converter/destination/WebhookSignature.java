package dev.hl7ferry.converter.destination;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code Ferry-Signature} header: {@code v1=} and the lowercase hex HMAC-SHA256, keyed with the
 * destination's secret, over the bytes of {@code {Ferry-Timestamp}.{body}} (the decimal Unix
 * seconds, a dot, the raw body). A receiver recomputes it and compares in constant time.
 */
public final class WebhookSignature {
  /** The version prefix of the header value. */
  public static final String V1 = "v1=";

  private WebhookSignature() {}

  /** The header value for {@code body} sent at {@code timestamp} (Unix seconds). */
  public static String sign(byte[] secret, long timestamp, byte[] body) {
    return V1 + HexFormat.of().formatHex(mac(secret, timestamp, body));
  }

  /** Whether {@code header} is the signature of {@code body} at {@code timestamp}. */
  public static boolean verify(byte[] secret, long timestamp, byte[] body, String header) {
    if (header == null || !header.startsWith(V1)) {
      return false;
    }
    byte[] expected = sign(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, header.getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] mac(byte[] secret, long timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("every JVM has HmacSHA256", e);
    }
  }
}
