package dev.hl7ferry.converter.submission;

/**
 * What a submission became.
 *
 * @param resultId the envelope's result id
 * @param messageId the results queue's message id
 * @param bucket the claim check's bucket, or null when the payload went inline
 * @param key the claim check's key, or null when the payload went inline
 */
public record Submitted(String resultId, String messageId, String bucket, String key) {

  /** True when the payload travelled inside the envelope. */
  public boolean inline() {
    return key == null;
  }

  /** {@code inline} or {@code s3://bucket/key}. */
  public String payloadLocation() {
    return inline() ? "inline" : "s3://" + bucket + "/" + key;
  }
}
