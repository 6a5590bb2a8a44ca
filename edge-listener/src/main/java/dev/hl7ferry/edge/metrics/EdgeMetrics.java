package dev.hl7ferry.edge.metrics;

import static dev.hl7ferry.edge.metrics.MetricNames.*;

import dev.hl7ferry.core.ack.AckCode;
import dev.hl7ferry.edge.events.EdgeEvents;
import dev.hl7ferry.edge.events.NakReason;
import dev.hl7ferry.edge.ship.FailureKind;
import dev.hl7ferry.edge.status.EdgeStatus;
import dev.hl7ferry.edge.status.StatusSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * The edge's metrics: counts its events into Micrometer meters made up front (the ACK path only
 * adds to a counter and a histogram) and reads gauges from the {@link StatusSource} snapshot when
 * scraped. Renders Prometheus text.
 */
public final class EdgeMetrics implements EdgeEvents, AutoCloseable {
  /** The Prometheus text format's content type. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private static final Duration[] ACK_BUCKETS = {
    Duration.ofNanos(500_000), Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
    Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
    Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(5),
    Duration.ofSeconds(30)
  };
  private static final Duration[] DELIVERY_BUCKETS = {
    Duration.ofMillis(5), Duration.ofMillis(25), Duration.ofMillis(100), Duration.ofMillis(500),
    Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(2),
    Duration.ofMinutes(10), Duration.ofHours(1)
  };

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private final Counter received;
  private final Map<AckCode, Counter> answered = new EnumMap<>(AckCode.class);
  private final Map<NakReason, Counter> naks = new EnumMap<>(NakReason.class);
  private final Timer ackLatency;
  private final Counter accepted;
  private final Counter refused;
  private final Counter shipped;
  private final Counter shippedBytes;
  private final Map<FailureKind, Counter> shipFailures = new EnumMap<>(FailureKind.class);
  private final Counter quarantined;
  private final Map<String, Map<String, Counter>> perDestination = new ConcurrentHashMap<>();
  private final Map<String, Timer> deliveryLatency = new ConcurrentHashMap<>();

  /**
   * @param destinations the configured outbound destinations (their meters exist from the start)
   */
  public EdgeMetrics(List<String> destinations) {
    received = Counter.builder(MESSAGES_RECEIVED).register(registry);
    for (AckCode code : AckCode.values()) {
      answered.put(
          code, Counter.builder(MESSAGES_ANSWERED).tag("code", code.name()).register(registry));
    }
    for (NakReason reason : NakReason.values()) {
      naks.put(reason, Counter.builder(NAKS).tag("reason", reason.label()).register(registry));
    }
    ackLatency = Timer.builder(ACK_LATENCY).serviceLevelObjectives(ACK_BUCKETS).register(registry);
    accepted = Counter.builder(CONNECTIONS_ACCEPTED).register(registry);
    refused = Counter.builder(CONNECTIONS_REFUSED).register(registry);
    shipped = Counter.builder(SHIPPED).register(registry);
    shippedBytes = Counter.builder(SHIPPED_BYTES).register(registry);
    for (FailureKind kind : FailureKind.values()) {
      shipFailures.put(
          kind, Counter.builder(SHIP_FAILURES).tag("kind", kind.label()).register(registry));
    }
    quarantined = Counter.builder(QUARANTINED).register(registry);
    destinations.forEach(this::destination);
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  /** Registers the gauges that read {@code source}'s snapshot (at most a second old). */
  public void watch(StatusSource source, List<String> destinations) {
    gauge(CONNECTIONS_OPEN, source, s -> s.connections().open());
    spoolGauge(SPOOL_ENTRIES, "received", source, s -> s.spool().backlog());
    spoolGauge(SPOOL_ENTRIES, "shipped", source, s -> s.spool().shipped());
    spoolGauge(SPOOL_ENTRIES, "quarantined", source, s -> s.spool().quarantined());
    spoolGauge(SPOOL_BYTES, "received", source, s -> s.spool().backlogBytes());
    gauge(OLDEST_UNSHIPPED_AGE, source, s -> s.spool().oldestUnshippedAgeSeconds());
    gauge(UPTIME, source, s -> (s.now() - s.startedAt()) / 1000.0);
    Gauge.builder(BUILD, () -> 1).tag("version", source.snapshot().version()).register(registry);
    for (String name : destinations) {
      Gauge.builder(OUTBOUND_QUEUED, source, s -> destinationValue(s, name, true))
          .tag("destination", name)
          .register(registry);
      Gauge.builder(OUTBOUND_DEAD_LETTERS, source, s -> destinationValue(s, name, false))
          .tag("destination", name)
          .register(registry);
    }
  }

  /** The metrics in Prometheus text format. */
  public String scrape() {
    return registry.scrape();
  }

  @Override
  public void received() {
    received.increment();
  }

  @Override
  public void answered(AckCode code) {
    answered.get(code).increment();
  }

  @Override
  public void refusedMessage(NakReason reason) {
    naks.get(reason).increment();
  }

  @Override
  public void acknowledged(long nanos) {
    ackLatency.record(nanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void connection(boolean wasAccepted) {
    (wasAccepted ? accepted : refused).increment();
  }

  @Override
  public void shipped(int count, long bytes, Duration took) {
    shipped.increment(count);
    shippedBytes.increment(bytes);
  }

  @Override
  public void failed(FailureKind kind) {
    shipFailures.get(kind).increment();
  }

  @Override
  public void quarantined(String entryId, String reason) {
    quarantined.increment();
  }

  @Override
  public void outboundQueued(String destination, int count) {
    destination(destination).get(OUTBOUND_RECEIVED).increment(count);
  }

  @Override
  public void delivered(String destination, Duration took) {
    destination(destination).get(OUTBOUND_DELIVERED).increment();
    deliveryLatency.get(destination).record(took);
  }

  @Override
  public void deliveryFailed(String destination, String detail) {
    destination(destination).get(OUTBOUND_FAILURES).increment();
  }

  @Override
  public void deadLettered(String destination) {
    destination(destination).get(OUTBOUND_DEAD_LETTERED).increment();
  }

  private Map<String, Counter> destination(String name) {
    return perDestination.computeIfAbsent(
        name,
        n -> {
          deliveryLatency.put(
              n,
              Timer.builder(DELIVERY_LATENCY)
                  .tag("destination", n)
                  .serviceLevelObjectives(DELIVERY_BUCKETS)
                  .register(registry));
          Map<String, Counter> counters = new ConcurrentHashMap<>();
          for (String metric :
              List.of(
                  OUTBOUND_RECEIVED,
                  OUTBOUND_DELIVERED,
                  OUTBOUND_DEAD_LETTERED,
                  OUTBOUND_FAILURES)) {
            counters.put(metric, Counter.builder(metric).tag("destination", n).register(registry));
          }
          return counters;
        });
  }

  private void gauge(String name, StatusSource source, ToDoubleFunction<EdgeStatus> value) {
    Gauge.builder(name, source, s -> value.applyAsDouble(s.snapshot())).register(registry);
  }

  private void spoolGauge(
      String name, String state, StatusSource source, ToDoubleFunction<EdgeStatus> value) {
    Gauge.builder(name, source, s -> value.applyAsDouble(s.snapshot()))
        .tag("state", state)
        .register(registry);
  }

  private static double destinationValue(StatusSource source, String name, boolean queued) {
    for (EdgeStatus.Destination d : source.snapshot().destinations()) {
      if (d.name().equals(name)) {
        return queued ? d.queued() : d.deadLetters();
      }
    }
    return 0;
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
