package dev.hl7ferry.edge.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * The admin port's optional access token, checked in constant time against an {@code Authorization}
 * header: {@code Bearer TOKEN} (Prometheus, scripts) or {@code Basic} with the token as password
 * and any user name (what a browser's login prompt sends, so the status page works without scripts
 * handling the token).
 */
public final class AccessToken {
  /** The environment variable that holds the token when {@code admin.tokenFile} is empty. */
  public static final String ENV = "FERRY_ADMIN_TOKEN";

  private final byte[] digest;

  private AccessToken(String token) {
    this.digest = sha256(token);
  }

  /**
   * The token from {@code tokenFile} (trimmed) when set, else from {@link #ENV}; empty when neither
   * is set.
   *
   * @throws IOException when the file cannot be read
   * @throws IllegalArgumentException when the file is empty
   */
  public static Optional<AccessToken> load(Optional<Path> tokenFile, Map<String, String> env)
      throws IOException {
    if (tokenFile.isPresent()) {
      String token = Files.readString(tokenFile.get(), StandardCharsets.UTF_8).strip();
      if (token.isEmpty()) {
        throw new IllegalArgumentException("admin.tokenFile: " + tokenFile.get() + " is empty");
      }
      return Optional.of(new AccessToken(token));
    }
    String fromEnv = env.getOrDefault(ENV, "").strip();
    return fromEnv.isEmpty() ? Optional.empty() : Optional.of(new AccessToken(fromEnv));
  }

  /** A token with this value (tests). */
  public static AccessToken of(String token) {
    return new AccessToken(token);
  }

  /** Whether {@code authorization} (the header's value, may be null) carries the token. */
  public boolean admits(String authorization) {
    if (authorization == null) {
      return false;
    }
    String presented = presented(authorization.strip());
    // Digests have one length, so the comparison takes the same time for every wrong token.
    return presented != null && MessageDigest.isEqual(digest, sha256(presented));
  }

  private static String presented(String header) {
    int space = header.indexOf(' ');
    if (space < 0) {
      return null;
    }
    String scheme = header.substring(0, space);
    String value = header.substring(space + 1).strip();
    if (scheme.equalsIgnoreCase("Bearer")) {
      return value;
    }
    if (scheme.equalsIgnoreCase("Basic")) {
      try {
        String pair = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
        int colon = pair.indexOf(':');
        return colon < 0 ? null : pair.substring(colon + 1);
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    return null;
  }

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  @Override
  public String toString() {
    return "AccessToken[hidden]";
  }
}
