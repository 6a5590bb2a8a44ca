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
    ShipConfig ship,
    OutboundConfig outbound,
    AdminConfig admin) {

  public EdgeConfig {
    outbound =
        outbound == null
            ? new OutboundConfig(null, null, null, null, null, null, null, null, null, null)
            : outbound;
    admin = admin == null ? AdminConfig.OFF : admin;
  }

  /** Every problem found, each naming its key; empty when valid. */
  public List<String> problems() {
    List<String> found =
        new ArrayList<>(
            Stream.of(
                    listener.problems(),
                    charset.problems(),
                    spool.problems(),
                    cloud.problems(),
                    ship.problems(),
                    outbound.problems(),
                    admin.problems())
                .flatMap(List::stream)
                .toList());
    if (ship.enabled() && spool.durability() == SpoolConfig.Durability.NONE) {
      found.add("ship.enabled: needs spool.durability: full (nothing is stored to ship)");
    }
    if (outbound.enabled()) {
      // Checked here, not in the section: the section alone (destinations) is read by tools too.
      if (!Problems.httpUrl(outbound.queueUrl())) {
        found.add("outbound.queueUrl: must be the outbound queue's http(s) URL");
      }
      if (!outbound.siteOr(ship.site()).matches("[A-Za-z0-9_-]{1,64}")) {
        found.add("outbound.site: must be set when ship.site is empty (1-64 of A-Z a-z 0-9 _ -)");
      }
    }
    return List.copyOf(found);
  }
}
