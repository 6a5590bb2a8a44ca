package dev.hl7ferry.converter.dispatch;

/**
 * One record could not be handled; it is reported as a batch item failure so SQS retries it (and
 * eventually dead-letters it).
 *
 * @see RecordProcessor
 */
public final class RecordFailure extends Exception {
  private final String template;

  public RecordFailure(String message, String template, Throwable cause) {
    super(message, cause);
    this.template = template;
  }

  /** The template involved, or null. */
  public String template() {
    return template;
  }
}
