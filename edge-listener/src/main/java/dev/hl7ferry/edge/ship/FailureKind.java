package dev.hl7ferry.edge.ship;

import java.util.Locale;

/** Why a shipping round left entries unshipped, as a metric label. */
public enum FailureKind {
  /** The cloud was out of reach or refused for a reason not the entries' own (retried forever). */
  OUTAGE,
  /** The cloud refused an entry for good (counted towards its quarantine). */
  REFUSED,
  /** The local spool failed to read or mark. */
  SPOOL;

  /** The label value, e.g. {@code outage}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
