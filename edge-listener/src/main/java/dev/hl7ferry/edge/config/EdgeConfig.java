package dev.hl7ferry.edge.config;

import java.util.List;
import java.util.stream.Stream;

/** The whole edge configuration. */
public record EdgeConfig(ListenerConfig listener, CharsetConfig charset, SpoolConfig spool) {

  /** Every problem found, each naming its key; empty when valid. */
  public List<String> problems() {
    return Stream.of(listener.problems(), charset.problems(), spool.problems())
        .flatMap(List::stream)
        .toList();
  }
}
