package dev.hl7ferry.edge.metrics;

/**
 * Every metric name the edge exports, as registered with Micrometer. Prometheus shows counters with
 * {@code _total}, timers with {@code _seconds_bucket/_count/_sum} and byte gauges as written; the
 * README's table lists the exported names.
 */
public final class MetricNames {
  private MetricNames() {}

  /** Frames received (counter). */
  public static final String MESSAGES_RECEIVED = "ferry_messages_received";

  /** Acknowledgements sent, label {@code code} = MSA-1 (counter). */
  public static final String MESSAGES_ANSWERED = "ferry_messages_answered";

  /** Negative acknowledgements (and closes over a message), label {@code reason} (counter). */
  public static final String NAKS = "ferry_naks";

  /** From a stored message handed to the spool to its answer ready (timer, histogram). */
  public static final String ACK_LATENCY = "ferry_ack_latency";

  /** MLLP connections open now (gauge). */
  public static final String CONNECTIONS_OPEN = "ferry_connections_open";

  /** MLLP connections accepted (counter). */
  public static final String CONNECTIONS_ACCEPTED = "ferry_connections_accepted";

  /** MLLP connections refused by a limit (counter). */
  public static final String CONNECTIONS_REFUSED = "ferry_connections_refused";

  /** Spool entries by {@code state}: received (not shipped), shipped, quarantined (gauge). */
  public static final String SPOOL_ENTRIES = "ferry_spool_entries";

  /** Payload bytes of spool entries by {@code state} (gauge). */
  public static final String SPOOL_BYTES = "ferry_spool_bytes";

  /** Age of the oldest entry not yet shipped, 0 when none (gauge, seconds). */
  public static final String OLDEST_UNSHIPPED_AGE = "ferry_spool_oldest_unshipped_age_seconds";

  /** Entries shipped to the cloud (counter: {@code rate()} gives shipped per second). */
  public static final String SHIPPED = "ferry_shipped_messages";

  /** Payload bytes shipped (counter). */
  public static final String SHIPPED_BYTES = "ferry_shipped_bytes";

  /** Failed shipping rounds, label {@code kind}: outage, refused, spool (counter). */
  public static final String SHIP_FAILURES = "ferry_ship_failures";

  /** Entries quarantined after permanent refusals (counter). */
  public static final String QUARANTINED = "ferry_quarantined";

  /** Outputs waiting in the outbound store, label {@code destination} (gauge). */
  public static final String OUTBOUND_QUEUED = "ferry_outbound_queued";

  /** Dead-lettered outputs held in the outbound store, label {@code destination} (gauge). */
  public static final String OUTBOUND_DEAD_LETTERS = "ferry_outbound_dead_letters";

  /** Outputs taken into the outbound store, label {@code destination} (counter). */
  public static final String OUTBOUND_RECEIVED = "ferry_outbound_received";

  /** Outputs delivered, label {@code destination} (counter). */
  public static final String OUTBOUND_DELIVERED = "ferry_outbound_delivered";

  /** Outputs dead-lettered, label {@code destination} (counter). */
  public static final String OUTBOUND_DEAD_LETTERED = "ferry_outbound_dead_lettered";

  /** Failed delivery attempts, label {@code destination} (counter). */
  public static final String OUTBOUND_FAILURES = "ferry_outbound_failures";

  /** From an output's first attempt in this run to its delivery (timer, histogram). */
  public static final String DELIVERY_LATENCY = "ferry_delivery_latency";

  /**
   * 1, with the edge's {@code version} as a label (gauge; Prometheus' client drops an {@code _info}
   * suffix from gauge names, hence not {@code ferry_build_info}).
   */
  public static final String BUILD = "ferry_build";

  /** Seconds since the edge started (gauge). */
  public static final String UPTIME = "ferry_uptime_seconds";
}
