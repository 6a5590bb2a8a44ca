package dev.hl7ferry.contract.envelope;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.regex.Pattern;

/**
 * Writes and reads both envelopes. Reading checks the version and every property the other side
 * relies on, so a bad envelope fails with a message naming the property instead of later, deep in
 * the reader's work. Thread-safe.
 */
public final class EnvelopeJson {
  /**
   * Ids and sites become parts of object keys and queue names: a conservative alphabet, never
   * starting with a dot (no {@code .} or {@code ..} key segments). The edge's site names are a
   * subset.
   */
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}");

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final ObjectMapper JSON = new ObjectMapper();

  private EnvelopeJson() {}

  /** The JSON text of {@code envelope} (properties in declaration order). */
  public static String write(InboundEnvelope envelope) {
    return write(envelope, envelope.id());
  }

  /** The JSON text of {@code envelope} (properties in declaration order). */
  public static String write(OutboundEnvelope envelope) {
    return write(envelope, envelope.id());
  }

  /** The inbound envelope in {@code body}, checked; throws naming the problem. */
  public static InboundEnvelope readInbound(String body) {
    InboundEnvelope e = read(body, InboundEnvelope.class);
    version(e.version(), InboundEnvelope.VERSION);
    safe("id", e.id());
    safe("site", e.site());
    present("bucket", e.bucket());
    present("key", e.key());
    sha256(e.sha256());
    return e;
  }

  /** The outbound envelope in {@code body}, checked; throws naming the problem. */
  public static OutboundEnvelope readOutbound(String body) {
    OutboundEnvelope e = read(body, OutboundEnvelope.class);
    version(e.version(), OutboundEnvelope.VERSION);
    safe("id", e.id());
    safe("site", e.site());
    present("route", e.route());
    present("destination", e.destination());
    present("bucket", e.bucket());
    present("key", e.key());
    sha256(e.sha256());
    present("contentType", e.contentType());
    return e;
  }

  private static String write(Object envelope, String id) {
    try {
      return JSON.writeValueAsString(envelope);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("envelope of id " + id + " not writable", e);
    }
  }

  private static <T> T read(String body, Class<T> type) {
    if (body == null || body.isBlank()) {
      throw new EnvelopeException("envelope is empty");
    }
    try {
      return JSON.readValue(body, type);
    } catch (JsonProcessingException e) {
      throw new EnvelopeException("envelope is not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static void version(int version, int known) {
    if (version == 0) {
      throw new EnvelopeException("envelope.version is missing");
    }
    if (version != known) {
      throw new EnvelopeException(
          "envelope version " + version + " is not supported (this reader knows " + known + ")");
    }
  }

  private static void safe(String name, String value) {
    if (value == null || !SAFE.matcher(value).matches()) {
      throw new EnvelopeException(
          "envelope."
              + name
              + " must be 1-128 of A-Z a-z 0-9 . _ -, not starting with a dot (it becomes part of"
              + " keys)");
    }
  }

  private static void present(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new EnvelopeException("envelope." + name + " is missing");
    }
  }

  private static void sha256(String value) {
    if (value == null || !SHA256.matcher(value).matches()) {
      throw new EnvelopeException("envelope.sha256 must be 64 lowercase hex digits");
    }
  }
}
