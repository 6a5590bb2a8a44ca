package dev.hl7ferry.edge.config;

import dev.hl7ferry.edge.connection.Cidr;
import java.util.ArrayList;
import java.util.List;

/**
 * One entry of {@code listeners}: a further port with its own name, bind address, allow list, TLS
 * and caps. Keys left out take the {@code listener} section's values, except {@code tls} (off).
 */
public record ExtraListenerConfig(
    String name,
    String bindAddress,
    Integer port,
    List<String> allow,
    TlsConfig tls,
    Integer maxConnectionsPerIp,
    Integer acceptRatePerSecond,
    Integer acceptBurst) {

  static final String NAME = "[A-Za-z0-9_-]{1,64}";
  static final String NAME_RULE = "must be 1-64 of A-Z a-z 0-9 _ -";

  public ExtraListenerConfig {
    allow = allow == null ? null : List.copyOf(allow);
  }

  /** This entry with every key left out taken from {@code first}. */
  ExtraListenerConfig over(ListenerConfig first) {
    return new ExtraListenerConfig(
        name,
        bindAddress,
        port,
        allow == null ? first.allow() : allow,
        tls == null ? TlsConfig.off() : tls,
        maxConnectionsPerIp == null ? first.maxConnectionsPerIp() : maxConnectionsPerIp,
        acceptRatePerSecond == null ? first.acceptRatePerSecond() : acceptRatePerSecond,
        acceptBurst == null ? first.acceptBurst() : acceptBurst);
  }

  /** Problems of an entry already completed by {@link #over}, keys under {@code prefix}. */
  List<String> problems(String prefix) {
    List<String> found =
        new ArrayList<>(
            new Problems(prefix)
                .require(name != null && name.matches(NAME), "name", NAME_RULE)
                .require(
                    bindAddress != null && !bindAddress.isBlank(),
                    "bindAddress",
                    "must be set (an address of this machine; 0.0.0.0 means every interface)")
                .require(port != null, "port", "must be set")
                .range("port", port == null ? 0 : port, 0, 65535)
                .range("maxConnectionsPerIp", maxConnectionsPerIp, 1, 1_000_000)
                .range("acceptRatePerSecond", acceptRatePerSecond, 1, 1_000_000)
                .range("acceptBurst", acceptBurst, 1, 1_000_000)
                .list());
    found.addAll(allowProblems(prefix, allow));
    found.addAll(tls.problems(prefix + ".tls"));
    return found;
  }

  /** Each {@code allow} entry must parse as an address range; the list must not be empty. */
  static List<String> allowProblems(String prefix, List<String> allow) {
    List<String> found = new ArrayList<>();
    if (allow == null || allow.isEmpty()) {
      found.add(
          prefix
              + ".allow: must list at least one address range (0.0.0.0/0 and ::/0 allow every"
              + " address)");
      return found;
    }
    for (int i = 0; i < allow.size(); i++) {
      try {
        Cidr.parse(allow.get(i));
      } catch (IllegalArgumentException e) {
        found.add(prefix + ".allow[" + i + "]: " + e.getMessage());
      }
    }
    return found;
  }

  /** The parsed ranges of a valid {@code allow}. */
  public List<Cidr> ranges() {
    return allow.stream().map(Cidr::parse).toList();
  }
}
