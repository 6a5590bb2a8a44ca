package dev.hl7ferry.converter.submission;

import dev.hl7ferry.contract.envelope.InlinePolicy;
import dev.hl7ferry.contract.envelope.PayloadDigest;
import dev.hl7ferry.contract.result.ResultEnvelope;
import dev.hl7ferry.contract.result.ResultJson;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Turns a {@link Submission} into a result envelope and sends it: inline when the whole body fits
 * the {@link InlinePolicy} (the same byte rule as the other envelopes), else the payload is first
 * written to {@code results/{vendor}/{site}/{resultId}.{json|hl7}} and the envelope is a claim
 * check. The envelope is read back through {@link ResultJson#read} before sending, so what the
 * converter would refuse is refused here, with the same message.
 */
public final class ResultSubmitter {
  private final ResultChannel channel;
  private final InlinePolicy inline;
  private final String vendor;
  private final String bucket;
  private final Clock clock;

  /**
   * @param vendor the vendor's name ({@code hl7-ferry-results-{vendor}}), the claim-check prefix
   * @param bucket the ferry bucket for claim checks, or null when every result must go inline
   */
  public ResultSubmitter(
      ResultChannel channel, InlinePolicy inline, String vendor, String bucket, Clock clock) {
    this.channel = Objects.requireNonNull(channel, "channel");
    this.inline = Objects.requireNonNull(inline, "inline");
    this.vendor = Objects.requireNonNull(vendor, "vendor");
    this.bucket = bucket;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Name prefix of the per-vendor results queues. */
  public static final String QUEUE_PREFIX = "hl7-ferry-results-";

  /** The results queue of {@code vendor}. */
  public static String queueName(String vendor) {
    return QUEUE_PREFIX + vendor;
  }

  /**
   * The vendor a results queue name or URL belongs to ({@code .../hl7-ferry-results-demo-ai} gives
   * {@code demo-ai}), or null when the name does not follow the pattern.
   */
  public static String vendorOf(String queue) {
    String name = queue.substring(queue.lastIndexOf('/') + 1);
    if (name.endsWith(".fifo")) {
      name = name.substring(0, name.length() - ".fifo".length());
    }
    return name.startsWith(QUEUE_PREFIX) && name.length() > QUEUE_PREFIX.length()
        ? name.substring(QUEUE_PREFIX.length())
        : null;
  }

  /** The claim-check key of a result. */
  public static String key(String vendor, String site, String resultId, String contentType) {
    String extension = ResultEnvelope.HL7_V2.equals(contentType) ? "hl7" : "json";
    return "results/" + vendor + "/" + site + "/" + resultId + "." + extension;
  }

  /** Builds, checks and sends the envelope; returns the ids. */
  public Submitted submit(Submission s) {
    String resultId = s.effectiveResultId();
    String submittedAt = Instant.now(clock).toString();
    ResultEnvelope envelope =
        ResultEnvelope.inline(
            resultId,
            s.site(),
            s.correlation(),
            s.resultType(),
            s.contentType(),
            submittedAt,
            s.payload());
    String body = ResultJson.write(envelope);
    String key = null;
    if (body.getBytes(StandardCharsets.UTF_8).length > inline.maxBytes()) {
      if (bucket == null || bucket.isBlank()) {
        throw new IllegalArgumentException(
            "the result needs a claim check (its envelope is over "
                + inline.maxBytes()
                + " bytes) but no bucket is set (--bucket or FERRY_BUCKET)");
      }
      key = key(vendor, s.site(), resultId, s.contentType());
      envelope =
          ResultEnvelope.claimCheck(
              resultId,
              s.site(),
              s.correlation(),
              s.resultType(),
              s.contentType(),
              submittedAt,
              bucket,
              key,
              PayloadDigest.sha256Hex(s.payload()),
              s.payload().length);
      body = ResultJson.write(envelope);
    }
    ResultJson.read(body);
    if (key != null) {
      channel.putObject(bucket, key, s.payload());
    }
    String deduplicationId =
        PayloadDigest.sha256Hex((s.site() + "\n" + resultId).getBytes(StandardCharsets.UTF_8));
    String messageId = channel.send(body, s.site(), deduplicationId);
    return new Submitted(resultId, messageId, key == null ? null : bucket, key);
  }
}
