package dev.hl7ferry.converter.template;

import dev.hl7ferry.core.message.Hl7Message;

/**
 * What one render sees: the parsed input (shared across the outputs of one message) and fresh
 * values.
 */
public record RenderInput(Hl7Message message, Fresh fresh) {}
