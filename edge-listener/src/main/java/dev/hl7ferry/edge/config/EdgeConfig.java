package dev.hl7ferry.edge.config;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The whole edge configuration. */
public record EdgeConfig(
    ListenerConfig listener,
    CharsetConfig charset,
    SpoolConfig spool,
    CloudConfig cloud,
    ShipConfig ship) {

  /** Every problem found, each naming its key; empty when valid. */
  public List<String> problems() {
    List<String> found =
        new ArrayList<>(
            Stream.of(
                    listener.problems(),
                    charset.problems(),
                    spool.problems(),
                    cloud.problems(),
                    ship.problems())
                .flatMap(List::stream)
                .toList());
    if (ship.enabled() && spool.durability() == SpoolConfig.Durability.NONE) {
      found.add("ship.enabled: needs spool.durability: full (nothing is stored to ship)");
    }
    return List.copyOf(found);
  }
}
