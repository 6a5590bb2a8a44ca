package dev.hl7ferry.converter.template;

import dev.hl7ferry.core.message.Hl7Message;

/**
 * What one render sees: the parsed input (shared across the outputs of one message) and fresh
 * values; for a vendor's result, {@code message} is the original it answers and {@code result} the
 * result (a JSON value as maps, lists, strings, numbers and booleans, or an {@link Hl7Message}).
 *
 * @param result the result, or null when rendering an inbound message
 */
public record RenderInput(Hl7Message message, Fresh fresh, Object result) {

  /** An inbound message. */
  public RenderInput(Hl7Message message, Fresh fresh) {
    this(message, fresh, null);
  }
}
