package dev.hl7ferry.edge.outbound;

import dev.hl7ferry.edge.deliver.DeliveryLoop;
import dev.hl7ferry.edge.deliver.Destination;
import dev.hl7ferry.edge.events.EdgeEvents;
import dev.hl7ferry.edge.spool.SpoolSettings;
import dev.hl7ferry.edge.spool.SqliteSpool;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbound half of the edge, started and stopped as one: the store and receipts spools, the
 * receiver, one {@link DeliveryLoop} per destination, the receipt shipper and the retention prune.
 * Stops in the order that loses nothing: stop taking from the cloud, stop delivering (an attempt
 * cut short stays pending), stop sending receipts, then close the spools.
 */
public final class OutboundService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OutboundService.class);

  /** Quotas of the outbound store: generous, the cloud holds back what the edge cannot take. */
  private static final long MAX_BYTES = 10L * 1024 * 1024 * 1024;

  private static final long MAX_MESSAGES = 10_000_000;
  private static final long RECEIPT_SEGMENT_BYTES = 1024 * 1024;
  private static final Duration PRUNE_INTERVAL = Duration.ofMinutes(10);

  private final OutboundSettings settings;
  private final SqliteSpool outputs;
  private final ReceiptBook receipts;
  private final OutboundStore store;
  private final List<DeliveryLoop> loops = new ArrayList<>();
  private final List<String> destinationNames;
  private final OutboundReceiver receiver;
  private final ReceiptShipper shipper;
  private final OutboundCloud cloud;
  private final Clock clock;
  private ScheduledExecutorService pruner;
  private boolean started;
  private boolean closed;

  private OutboundService(
      OutboundSettings settings,
      SqliteSpool outputs,
      ReceiptBook receipts,
      Map<String, Destination> destinations,
      OutboundCloud cloud,
      Clock clock,
      EdgeEvents events) {
    this.settings = settings;
    this.outputs = outputs;
    this.receipts = receipts;
    this.cloud = cloud;
    this.clock = clock;
    this.destinationNames = List.copyOf(destinations.keySet());
    this.store =
        new OutboundStore(outputs, receipts, settings.site(), destinations.keySet(), clock, events);
    destinations
        .values()
        .forEach(d -> loops.add(new DeliveryLoop(d, store, settings.policy(), events)));
    this.receiver =
        new OutboundReceiver(
            cloud.source(),
            store,
            settings.site(),
            settings.waitTime(),
            settings.cloudBackoff(),
            clock);
    this.shipper =
        cloud
            .receipts()
            .map(
                q ->
                    new ReceiptShipper(
                        receipts, q, settings.cloudBackoff(), Duration.ofMillis(200), clock))
            .orElse(null);
  }

  /** Opens the store and receipts spools under {@code settings.dataDir()}; nothing runs yet. */
  public static OutboundService open(
      OutboundSettings settings,
      Map<String, Destination> destinations,
      OutboundCloud cloud,
      Clock clock) {
    return open(settings, destinations, cloud, clock, EdgeEvents.NONE);
  }

  /** Like {@link #open(OutboundSettings, Map, OutboundCloud, Clock)}, telling {@code events}. */
  public static OutboundService open(
      OutboundSettings settings,
      Map<String, Destination> destinations,
      OutboundCloud cloud,
      Clock clock,
      EdgeEvents events) {
    SqliteSpool outputs =
        SqliteSpool.open(SpoolSettings.of(settings.storeDir(), MAX_BYTES, MAX_MESSAGES));
    SqliteSpool receiptSpool;
    try {
      receiptSpool =
          SqliteSpool.open(
              SpoolSettings.of(settings.receiptsDir(), MAX_BYTES, MAX_MESSAGES)
                  .withJournalSegmentBytes(RECEIPT_SEGMENT_BYTES)
                  // Durable at the journal write: a delivery never waits for the index's linger.
                  .answeringAt(SpoolSettings.AnswerAt.JOURNAL));
    } catch (RuntimeException e) {
      outputs.close();
      throw e;
    }
    return new OutboundService(
        settings, outputs, new ReceiptBook(receiptSpool), destinations, cloud, clock, events);
  }

  /** Sets aside what no line takes, then starts delivering, receiving and sending receipts. */
  public synchronized void start() {
    if (started) {
      return;
    }
    started = true;
    store.sweep();
    loops.forEach(DeliveryLoop::start);
    receiver.start();
    if (shipper != null) {
      shipper.start();
    } else {
      LOG.warn(
          "outbound.receiptsQueueUrl is empty: delivery receipts stay in {}",
          settings.receiptsDir());
    }
    pruner =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "outbound-prune");
              t.setDaemon(true);
              return t;
            });
    pruner.scheduleWithFixedDelay(this::prune, 0, PRUNE_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    LOG.info(
        "outbound: site {}, {} destinations, taking from {}",
        settings.site(),
        loops.size(),
        settings.queueUrl());
  }

  private void prune() {
    try {
      int pruned = store.prune(clock.instant().minus(settings.retention()));
      if (pruned > 0) {
        LOG.info("outbound: pruned {} entries older than {}", pruned, settings.retention());
      }
    } catch (RuntimeException e) {
      LOG.warn("outbound: pruning failed", e);
    }
  }

  /** The configured destination names, in configuration order. */
  public List<String> destinations() {
    return List.copyOf(destinationNames);
  }

  /** The store the loops read (tests look into it). */
  public OutboundStore store() {
    return store;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    receiver.close();
    loops.forEach(DeliveryLoop::close);
    if (shipper != null) {
      shipper.close();
    }
    if (pruner != null) {
      pruner.shutdownNow();
    }
    try {
      cloud.clients().close();
    } catch (Exception e) {
      LOG.warn("outbound: closing the cloud clients failed", e);
    }
    outputs.close();
    receipts.close();
    LOG.info("outbound: stopped");
  }
}
