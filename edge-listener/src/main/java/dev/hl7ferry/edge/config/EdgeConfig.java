package dev.hl7ferry.edge.config;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The whole edge configuration. */
public record EdgeConfig(
    ListenerConfig listener,
    List<ExtraListenerConfig> listeners,
    CharsetConfig charset,
    SpoolConfig spool,
    CloudConfig cloud,
    ShipConfig ship,
    OutboundConfig outbound,
    AdminConfig admin,
    LimitsConfig limits) {

  public EdgeConfig {
    listeners = listeners == null ? List.of() : List.copyOf(listeners);
    outbound =
        outbound == null
            ? new OutboundConfig(null, null, null, null, null, null, null, null, null, null, null)
            : outbound;
    admin = admin == null ? AdminConfig.OFF : admin;
    limits = limits == null ? LimitsConfig.DEFAULT : limits;
  }

  /**
   * Every listener, the {@code listener} section's first, each entry of {@code listeners} with the
   * keys it leaves out taken from {@code listener}.
   */
  public List<ExtraListenerConfig> allListeners() {
    List<ExtraListenerConfig> all = new ArrayList<>();
    all.add(listener.asEntry());
    listeners.forEach(entry -> all.add(entry == null ? null : entry.over(listener)));
    return all;
  }

  private List<String> listenersProblems() {
    List<String> found = new ArrayList<>();
    java.util.Set<String> names = new java.util.HashSet<>();
    java.util.Set<String> endpoints = new java.util.HashSet<>();
    List<ExtraListenerConfig> all = allListeners();
    for (int i = 0; i < all.size(); i++) {
      ExtraListenerConfig entry = all.get(i);
      String key = i == 0 ? "listener" : "listeners[" + (i - 1) + "]";
      if (entry == null) {
        found.add(key + ": must be a listener (name, bindAddress, port, ...)");
        continue;
      }
      if (i > 0) {
        found.addAll(entry.problems(key));
      }
      if (entry.name() != null && !names.add(entry.name())) {
        found.add(key + ".name: '" + entry.name() + "' names another listener already");
      }
      if (entry.port() != null
          && entry.port() != 0
          && !endpoints.add(entry.bindAddress() + ":" + entry.port())) {
        found.add(key + ".port: " + entry.bindAddress() + ":" + entry.port() + " is taken twice");
      }
    }
    return found;
  }

  /** Every problem found, each naming its key; empty when valid. */
  public List<String> problems() {
    List<String> found =
        new ArrayList<>(
            Stream.of(
                    listener.problems(),
                    listenersProblems(),
                    charset.problems(),
                    spool.problems(),
                    cloud.problems(),
                    ship.problems(),
                    outbound.problems(),
                    admin.problems(),
                    limits.problems())
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
