package dev.hl7ferry.contract.receipt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Writes and reads {@link DeliveryReceipt}. Reading checks the version and every property a reader
 * relies on, naming the property that is wrong. Thread-safe.
 */
public final class ReceiptJson {
  /** The same alphabet as envelope ids and sites: they become parts of keys. */
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}");

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Resolved once: the edge writes a receipt for every output it delivers. */
  private static final ObjectWriter WRITER = JSON.writerFor(DeliveryReceipt.class);

  private ReceiptJson() {}

  /** The JSON text of {@code receipt} (properties in declaration order). */
  public static String write(DeliveryReceipt receipt) {
    try {
      return WRITER.writeValueAsString(receipt);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("receipt of id " + receipt.id() + " not writable", e);
    }
  }

  /** {@link #write} as UTF-8 bytes, without the intermediate string. */
  public static byte[] writeBytes(DeliveryReceipt receipt) {
    try {
      return WRITER.writeValueAsBytes(receipt);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("receipt of id " + receipt.id() + " not writable", e);
    }
  }

  /** The receipt in {@code body}, checked; throws naming the problem. */
  public static DeliveryReceipt read(String body) {
    if (body == null || body.isBlank()) {
      throw new ReceiptException("receipt is empty");
    }
    DeliveryReceipt r;
    try {
      r = JSON.readValue(body, DeliveryReceipt.class);
    } catch (JsonProcessingException e) {
      throw new ReceiptException("receipt is not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (r.version() == 0) {
      throw new ReceiptException("receipt.version is missing");
    }
    if (r.version() != DeliveryReceipt.VERSION) {
      throw new ReceiptException(
          "receipt version "
              + r.version()
              + " is not supported (this reader knows "
              + DeliveryReceipt.VERSION
              + ")");
    }
    safe("id", r.id());
    safe("site", r.site());
    if (r.destination() == null || r.destination().isBlank()) {
      throw new ReceiptException("receipt.destination is missing");
    }
    if (r.outcome() == null) {
      throw new ReceiptException("receipt.outcome is missing");
    }
    if (r.attempts() < 0) {
      throw new ReceiptException("receipt.attempts must not be negative");
    }
    if (r.attempts() == 0 && r.outcome() == ReceiptOutcome.DELIVERED) {
      throw new ReceiptException("receipt.attempts must be at least 1 when DELIVERED");
    }
    instant("firstAttemptAt", r.firstAttemptAt());
    instant("endedAt", r.endedAt());
    return r;
  }

  private static void safe(String name, String value) {
    if (value == null || !SAFE.matcher(value).matches()) {
      throw new ReceiptException(
          "receipt." + name + " must be 1-128 of A-Z a-z 0-9 . _ -, not starting with a dot");
    }
  }

  private static void instant(String name, String value) {
    if (value == null) {
      throw new ReceiptException("receipt." + name + " is missing");
    }
    try {
      Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new ReceiptException("receipt." + name + " must be an ISO-8601 UTC instant", e);
    }
  }
}
