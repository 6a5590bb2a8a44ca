package dev.hl7ferry.converter.render;

import java.util.List;

/**
 * What the core made of one message: the outputs, or none because no route matched.
 *
 * @param unmatched true when no route matched (then {@code outputs} is empty)
 */
public record Conversion(List<Output> outputs, boolean unmatched) {

  public Conversion {
    outputs = List.copyOf(outputs);
  }
}
