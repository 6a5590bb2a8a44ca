package dev.hl7ferry.contract.envelope;

import java.util.Objects;

/**
 * The one rule, shared by the edge and the converter, for whether a payload travels inside its
 * envelope: inline when the whole SQS message body of the inline envelope (UTF-8 bytes of {@link
 * EnvelopeJson#write}) is at most {@code maxBytes}, else a claim check pointing at an S3 object.
 * Decided to the byte from the exact serialized length, without encoding the payload twice.
 *
 * <p>The default, 64 KiB, is one SQS billing chunk: every started 64 KiB of a request is billed as
 * one request, so an inline body above it costs more SQS requests than the claim check's S3 calls
 * save. SQS refuses messages above {@value #SQS_MAX_BYTES} bytes (1 MiB, body plus message
 * attributes): a sender that adds attributes must leave room for them below that ceiling.
 *
 * @param maxBytes the largest inline body in bytes, 0 (never inline) to {@value #SQS_MAX_BYTES}
 */
public record InlinePolicy(int maxBytes) {
  /** 64 KiB, one SQS billing chunk. */
  public static final int DEFAULT_MAX_BYTES = 65_536;

  /** 1 MiB, the largest message SQS accepts. */
  public static final int SQS_MAX_BYTES = 1_048_576;

  public InlinePolicy {
    if (maxBytes < 0 || maxBytes > SQS_MAX_BYTES) {
      throw new IllegalArgumentException(
          "inline max bytes must be 0 to " + SQS_MAX_BYTES + " (1 MiB), was " + maxBytes);
    }
  }

  /** Inline up to {@value #DEFAULT_MAX_BYTES} bytes. */
  public static InlinePolicy defaults() {
    return new InlinePolicy(DEFAULT_MAX_BYTES);
  }

  /** True when {@code envelope}'s body is at most {@link #maxBytes} bytes. */
  public boolean fits(InboundEnvelope envelope) {
    return EnvelopeJson.byteLength(envelope) <= maxBytes;
  }

  /** True when {@code envelope}'s body is at most {@link #maxBytes} bytes. */
  public boolean fits(OutboundEnvelope envelope) {
    return EnvelopeJson.byteLength(envelope) <= maxBytes;
  }

  /**
   * The envelope to send: {@code claimCheck} with {@code payload} inline (no bucket or key) when
   * that body fits, else {@code claimCheck} itself, whose object the caller must then write.
   */
  public InboundEnvelope choose(InboundEnvelope claimCheck, byte[] payload) {
    check(claimCheck.inline(), claimCheck.size(), payload);
    InboundEnvelope inline = claimCheck.withInlinePayload(payload);
    return fits(inline) ? inline : claimCheck;
  }

  /**
   * The envelope to send: {@code claimCheck} with {@code payload} inline (no bucket or key) when
   * that body fits, else {@code claimCheck} itself, whose object the caller must then write.
   */
  public OutboundEnvelope choose(OutboundEnvelope claimCheck, byte[] payload) {
    check(claimCheck.inline(), claimCheck.size(), payload);
    OutboundEnvelope inline = claimCheck.withInlinePayload(payload);
    return fits(inline) ? inline : claimCheck;
  }

  private static void check(boolean inline, long size, byte[] payload) {
    Objects.requireNonNull(payload, "payload");
    if (inline) {
      throw new IllegalArgumentException(
          "choose takes the claim-check envelope, not an inline one");
    }
    if (size != payload.length) {
      throw new IllegalArgumentException(
          "the envelope states size " + size + " but the payload has " + payload.length + " bytes");
    }
  }
}
