package dev.hl7ferry.converter.route;

/** What happens to a message no route matches. */
public enum UnmatchedPolicy {
  /** Leave a record under {@code unmatched/} and consider the message handled. */
  RECORD_AND_DROP,
  /** Fail the message so the queue's redrive policy moves it to the dead-letter queue. */
  DEAD_LETTER
}
