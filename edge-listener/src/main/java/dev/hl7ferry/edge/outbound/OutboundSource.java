package dev.hl7ferry.edge.outbound;

import java.time.Duration;
import java.util.List;

/** The site's outbound queue and the claim-check objects it points at. Blocking calls. */
public interface OutboundSource {

  /** Up to {@code max} messages, waiting up to {@code wait} for the first (long poll). */
  List<ReceivedMessage> receive(int max, Duration wait) throws CloudUnavailableException;

  /** The bytes of a claim-check object. */
  byte[] fetch(String bucket, String key) throws CloudUnavailableException;

  /** Deletes messages that are stored durably (or set aside); one batch call. */
  void delete(List<ReceivedMessage> messages) throws CloudUnavailableException;
}
