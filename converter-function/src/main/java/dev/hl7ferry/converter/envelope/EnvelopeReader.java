package dev.hl7ferry.converter.envelope;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.regex.Pattern;

/** Parses and checks envelopes; the error names the missing or bad property. */
public final class EnvelopeReader {
  /** The envelope versions this converter understands. */
  public static final int VERSION = 1;

  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  private final ObjectMapper json;

  public EnvelopeReader(ObjectMapper json) {
    this.json = json;
  }

  /** The envelope in {@code body}; throws {@link IllegalArgumentException} naming the problem. */
  public InboundEnvelope read(String body) {
    InboundEnvelope e;
    try {
      e = json.readValue(body, InboundEnvelope.class);
    } catch (JsonProcessingException ex) {
      throw new IllegalArgumentException(
          "envelope is not valid JSON: " + ex.getOriginalMessage(), ex);
    }
    if (e.version() != VERSION) {
      throw new IllegalArgumentException("envelope version " + e.version() + " is not " + VERSION);
    }
    safe("id", e.id());
    safe("site", e.site());
    if (e.bucket() == null || e.bucket().isBlank()) {
      throw new IllegalArgumentException("envelope.bucket is missing");
    }
    if (e.key() == null || e.key().isBlank()) {
      throw new IllegalArgumentException("envelope.key is missing");
    }
    if (e.sha256() == null || !SHA256.matcher(e.sha256()).matches()) {
      throw new IllegalArgumentException("envelope.sha256 must be 64 lowercase hex digits");
    }
    return e;
  }

  private static void safe(String name, String value) {
    if (value == null || !SAFE.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "envelope." + name + " must be 1-128 of A-Z a-z 0-9 . _ - (it becomes part of keys)");
    }
  }
}
