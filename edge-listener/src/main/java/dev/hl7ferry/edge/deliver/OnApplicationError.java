package dev.hl7ferry.edge.deliver;

/** What to do when a destination refuses an output's content (AE/CE, HTTP 4xx). */
public enum OnApplicationError {
  /** Try up to {@code maxAttempts} times, then dead-letter it and go on with the next output. */
  DEAD_LETTER,
  /** Keep trying, with backoff, like a transient failure: the line waits for an operator. */
  RETRY
}
