package dev.hl7ferry.edge.status;

import java.util.List;

/**
 * The outcome of the readiness checks: ready when every required check passed.
 *
 * @param ready whether {@code /readyz} answers 200
 * @param checks each check in a fixed order
 */
public record Readiness(boolean ready, List<Check> checks) {

  /**
   * One check.
   *
   * @param name {@code listeners}, {@code spool}, {@code disk} or {@code cloud}
   * @param ok whether it passed
   * @param required whether it decides readiness ({@code cloud} never does: the edge keeps
   *     receiving and acknowledging through a cloud outage)
   * @param detail one line for people, no message content
   */
  public record Check(String name, boolean ok, boolean required, String detail) {}

  /** Readiness of {@code checks}. */
  public static Readiness of(List<Check> checks) {
    return new Readiness(
        checks.stream().allMatch(c -> c.ok() || !c.required()), List.copyOf(checks));
  }
}
