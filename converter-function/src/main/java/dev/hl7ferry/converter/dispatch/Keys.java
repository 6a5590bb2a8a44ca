package dev.hl7ferry.converter.dispatch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Deterministic names: every key and id is a function of the input id, route and destination, so a
 * redelivered record overwrites the same objects and repeats the same deduplication ids.
 */
public final class Keys {
  private Keys() {}

  /** {@code outbound/{site}/{destination}/{id}/{route}.{ext}}. */
  public static String output(
      String site, String destination, String id, String route, String ext) {
    return "outbound/" + site + "/" + destination + "/" + id + "/" + route + "." + ext;
  }

  /** {@code errors/{site}/{id}.json}: why the record failed. */
  public static String error(String site, String id) {
    return "errors/" + site + "/" + id + ".json";
  }

  /** {@code unmatched/{site}/{id}.json}: a message no route matched (record-and-drop). */
  public static String unmatched(String site, String id) {
    return "unmatched/" + site + "/" + id + ".json";
  }

  /**
   * The id a vendor's result stands under, in place of an inbound entry id: SHA-256 hex of vendor,
   * site and resultId, so the same resultId always yields the same output ids and keys.
   */
  public static String resultEntryId(String vendor, String site, String resultId) {
    return sha256Hex("result\n" + vendor + "\n" + site + "\n" + resultId);
  }

  /** {@code errors/results/{vendor}/{id}.json}: why a vendor's result failed. */
  public static String resultError(String vendor, String id) {
    return "errors/results/" + vendor + "/" + id + ".json";
  }

  /** {@code unmatched/results/{vendor}/{id}.json}: a result no route matched (record-and-drop). */
  public static String resultUnmatched(String vendor, String id) {
    return "unmatched/results/" + vendor + "/" + id + ".json";
  }

  /** The FIFO deduplication id of one output: SHA-256 hex of id, route and destination. */
  public static String deduplicationId(String id, String route, String destination) {
    return sha256Hex(id + "\n" + route + "\n" + destination);
  }

  /** A fresh MSH-10 for one output: 20 characters, stable across redeliveries. */
  public static String controlId(String id, String route, String destination) {
    return "F" + deduplicationId(id, route, destination).substring(0, 19).toUpperCase();
  }

  /** Lowercase hex SHA-256 of UTF-8 text. */
  public static String sha256Hex(String text) {
    return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Lowercase hex SHA-256 of bytes. */
  public static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
