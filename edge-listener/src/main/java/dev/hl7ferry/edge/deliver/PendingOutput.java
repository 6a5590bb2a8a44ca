package dev.hl7ferry.edge.deliver;

/**
 * An output waiting at the head of its destination's line, with what its earlier attempts did (the
 * durable store keeps the counts across restarts).
 *
 * @param output the output
 * @param attempts attempts made so far, of any outcome
 * @param applicationErrors how many of them ended in an application error
 */
public record PendingOutput(Output output, int attempts, int applicationErrors) {

  /** A new output, never attempted. */
  public static PendingOutput fresh(Output output) {
    return new PendingOutput(output, 0, 0);
  }
}
