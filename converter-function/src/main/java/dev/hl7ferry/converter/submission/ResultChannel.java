package dev.hl7ferry.converter.submission;

/** Where a submitted result goes: the claim-check object store and the vendor's results queue. */
public interface ResultChannel {

  /** Writes a claim-check payload; returns once the object is stored. */
  void putObject(String bucket, String key, byte[] bytes);

  /**
   * Sends {@code body} to the results queue; on a FIFO queue in message group {@code group} with
   * deduplication id {@code deduplicationId}. Returns the queue's message id.
   */
  String send(String body, String group, String deduplicationId);
}
