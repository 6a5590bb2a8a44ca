package dev.hl7ferry.converter.original;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One kept original: the inbound envelope's id, the raw MSH-3, MSH-4 and MSH-10 it was indexed by,
 * and the raw payload bytes (decoded again by MSH-18 when a result needs it).
 */
public record Original(
    String entryId,
    String sendingApplication,
    String sendingFacility,
    String controlId,
    byte[] payload) {

  /** {@code originals/{site}/entries/{entryId}.hl7}. */
  public static String payloadKey(String site, String entryId) {
    return "originals/" + site + "/entries/" + entryId + ".hl7";
  }

  /**
   * {@code originals/{site}/by-message/{sha256(MSH-3 \n MSH-4 \n MSH-10)}}: holds the entry id of
   * the latest original with those raw values (a hospital's resend of the same control id points
   * the index at the resend).
   */
  public static String indexKey(
      String site, String sendingApplication, String sendingFacility, String controlId) {
    String text =
        nullToEmpty(sendingApplication)
            + "\n"
            + nullToEmpty(sendingFacility)
            + "\n"
            + nullToEmpty(controlId);
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return "originals/" + site + "/by-message/" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  /** Ids and size only. */
  @Override
  public String toString() {
    return "Original[entry="
        + entryId
        + " controlId="
        + controlId
        + " size="
        + payload.length
        + "]";
  }
}
