package dev.hl7ferry.contract.envelope;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Writes (version 2) and reads (versions 1 and 2) both envelopes. Reading checks the version and
 * every property the other side relies on, so a bad envelope fails with a message naming the
 * property instead of later, deep in the reader's work. It does not hash an inline payload: the
 * reader calls {@code verify} on the bytes it is about to use, inline or fetched. Thread-safe.
 *
 * <p>Version 1 is a claim check only ({@code bucket} and {@code key}). Version 2 carries exactly
 * one of {@code payloadBase64} (inline) or {@code bucket} and {@code key} (claim check).
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
  private static final byte[] EMPTY = new byte[0];

  private EnvelopeJson() {}

  /**
   * The JSON text of {@code envelope} (properties in declaration order, absent ones left out); only
   * version {@value InboundEnvelope#VERSION} is written.
   */
  public static String write(InboundEnvelope envelope) {
    writable(
        envelope.version(), envelope.id(), envelope.inline(), envelope.bucket(), envelope.key());
    return write(envelope, envelope.id());
  }

  /**
   * The JSON text of {@code envelope} (properties in declaration order, absent ones left out); only
   * version {@value OutboundEnvelope#VERSION} is written.
   */
  public static String write(OutboundEnvelope envelope) {
    writable(
        envelope.version(), envelope.id(), envelope.inline(), envelope.bucket(), envelope.key());
    return write(envelope, envelope.id());
  }

  /**
   * The exact UTF-8 length of {@link #write}{@code (envelope)}, computed without base64-encoding an
   * inline payload: the body with an empty payload plus the payload's base64 length (base64 is
   * ASCII and JSON leaves it unescaped).
   */
  public static long byteLength(InboundEnvelope envelope) {
    if (!envelope.inline()) {
      return utf8Length(write(envelope));
    }
    return utf8Length(write(envelope.withInlinePayload(EMPTY)))
        + base64Length(envelope.payload().length);
  }

  /** The exact UTF-8 length of {@link #write}{@code (envelope)}; see the inbound overload. */
  public static long byteLength(OutboundEnvelope envelope) {
    if (!envelope.inline()) {
      return utf8Length(write(envelope));
    }
    return utf8Length(write(envelope.withInlinePayload(EMPTY)))
        + base64Length(envelope.payload().length);
  }

  /** The inbound envelope (version 1 or 2) in {@code body}, checked; throws naming the problem. */
  public static InboundEnvelope readInbound(String body) {
    InboundEnvelope e = read(body, InboundEnvelope.class);
    version(e.version());
    safe("id", e.id());
    safe("site", e.site());
    payloadOrClaimCheck(e.version(), e.inline(), e.bucket(), e.key());
    sha256(e.sha256());
    size(e.size());
    return e;
  }

  /** The outbound envelope (version 1 or 2) in {@code body}, checked; throws naming the problem. */
  public static OutboundEnvelope readOutbound(String body) {
    OutboundEnvelope e = read(body, OutboundEnvelope.class);
    version(e.version());
    safe("id", e.id());
    safe("site", e.site());
    present("route", e.route());
    present("destination", e.destination());
    payloadOrClaimCheck(e.version(), e.inline(), e.bucket(), e.key());
    sha256(e.sha256());
    size(e.size());
    present("contentType", e.contentType());
    return e;
  }

  private static void writable(int version, String id, boolean inline, String bucket, String key) {
    if (version != InboundEnvelope.VERSION) {
      throw new IllegalArgumentException(
          "envelope of id "
              + id
              + " has version "
              + version
              + ": only version "
              + InboundEnvelope.VERSION
              + " is written");
    }
    if (inline == (bucket != null || key != null)) {
      throw new IllegalArgumentException(
          "envelope of id " + id + " must carry either a payload or a bucket and key, not both");
    }
  }

  private static String write(Object envelope, String id) {
    try {
      return JSON.writeValueAsString(envelope);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("envelope of id " + id + " not writable", e);
    }
  }

  private static long utf8Length(String text) {
    // The header-only body is small: encoding it is cheaper than being clever, and exact.
    return text.getBytes(StandardCharsets.UTF_8).length;
  }

  private static long base64Length(long bytes) {
    return 4 * ((bytes + 2) / 3);
  }

  private static <T> T read(String body, Class<T> type) {
    if (body == null || body.isBlank()) {
      throw new EnvelopeException("envelope is empty");
    }
    try {
      return JSON.readValue(body, type);
    } catch (JsonMappingException e) {
      if (!e.getPath().isEmpty() && "payloadBase64".equals(e.getPath().get(0).getFieldName())) {
        // Jackson's message quotes the text, which is a payload: name the property only.
        throw new EnvelopeException("envelope.payloadBase64 is not base64", e);
      }
      throw new EnvelopeException("envelope is not valid JSON: " + e.getOriginalMessage(), e);
    } catch (JsonProcessingException e) {
      throw new EnvelopeException("envelope is not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static void version(int version) {
    if (version == 0) {
      throw new EnvelopeException("envelope.version is missing");
    }
    if (version != 1 && version != InboundEnvelope.VERSION) {
      throw new EnvelopeException(
          "envelope version "
              + version
              + " is not supported (this reader knows 1 and "
              + InboundEnvelope.VERSION
              + ")");
    }
  }

  private static void payloadOrClaimCheck(int version, boolean inline, String bucket, String key) {
    if (!inline) {
      if (version > 1 && bucket == null && key == null) {
        throw new EnvelopeException("envelope has neither payloadBase64 nor bucket and key");
      }
      present("bucket", bucket);
      present("key", key);
      return;
    }
    if (version == 1) {
      throw new EnvelopeException("envelope.payloadBase64 is not allowed in version 1");
    }
    if (bucket != null || key != null) {
      throw new EnvelopeException(
          "envelope has payloadBase64 and bucket/key: exactly one of inline payload or claim"
              + " check is allowed");
    }
  }

  private static void size(long size) {
    if (size < 0) {
      throw new EnvelopeException("envelope.size must not be negative");
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
