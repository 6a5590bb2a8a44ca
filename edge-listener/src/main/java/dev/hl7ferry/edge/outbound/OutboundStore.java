package dev.hl7ferry.edge.outbound;

import dev.hl7ferry.contract.receipt.DeliveryReceipt;
import dev.hl7ferry.contract.receipt.ReceiptOutcome;
import dev.hl7ferry.edge.deliver.DeliveryResult;
import dev.hl7ferry.edge.deliver.OutboundQueue;
import dev.hl7ferry.edge.deliver.Output;
import dev.hl7ferry.edge.deliver.PendingOutput;
import dev.hl7ferry.edge.events.EdgeEvents;
import dev.hl7ferry.edge.retry.Backoff;
import dev.hl7ferry.edge.spool.EntryState;
import dev.hl7ferry.edge.spool.IncomingMessage;
import dev.hl7ferry.edge.spool.SpoolEntry;
import dev.hl7ferry.edge.spool.SqliteSpool;
import dev.hl7ferry.edge.spool.StoreOutcome;
import dev.hl7ferry.edge.spool.StoreResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local durable outbound store: a second {@link SqliteSpool} whose sending-application column
 * is the destination (mapping in {@link OutboundEntries}), read as one line per destination.
 * Delivered is SHIPPED, dead-lettered is QUARANTINED with its reason and last ACK; each ending goes
 * to the {@link EndingCommitter}, which writes its {@link DeliveryReceipt} to the {@link
 * ReceiptBook} before the entry is marked, for many endings at once. Entries a retry puts back
 * behind a line's position are found again by a look behind it when the line is idle and every few
 * seconds.
 */
public final class OutboundStore implements OutboundQueue, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OutboundStore.class);
  private static final int READ_AHEAD = 64;
  private static final long RESCAN_NANOS = TimeUnit.SECONDS.toNanos(5);
  private static final Backoff COMMIT_BACKOFF =
      Backoff.steady(Duration.ofMillis(100), Duration.ofSeconds(5));

  private final SqliteSpool spool;
  private final ReceiptBook receipts;
  private final String site;
  private final Set<String> destinations;
  private final Clock clock;
  private final EdgeEvents events;
  private final Map<String, Line> lines = new ConcurrentHashMap<>();
  private final Object arrivals = new Object();
  private final EndingCommitter committer;

  /**
   * Starts the store's commit thread; {@link #close} stops it (the spools stay open).
   *
   * @param spool the outbound spool, answering at the index (the receiver needs the outcome)
   * @param destinations the configured destination names; outputs for others are dead-lettered
   * @param maxUncommitted how many ended outputs of one destination may wait for their receipt and
   *     mark, counting the one in flight (1: each is recorded before the next is sent)
   */
  public OutboundStore(
      SqliteSpool spool,
      ReceiptBook receipts,
      String site,
      Set<String> destinations,
      Clock clock,
      int maxUncommitted) {
    this(spool, receipts, site, destinations, clock, maxUncommitted, EdgeEvents.NONE);
  }

  /**
   * @param events told how many new outputs each destination got
   */
  public OutboundStore(
      SqliteSpool spool,
      ReceiptBook receipts,
      String site,
      Set<String> destinations,
      Clock clock,
      int maxUncommitted,
      EdgeEvents events) {
    this.spool = spool;
    this.receipts = receipts;
    this.site = site;
    this.destinations = Set.copyOf(destinations);
    this.clock = clock;
    this.events = events;
    this.committer = new EndingCommitter(this::record, maxUncommitted, COMMIT_BACKOFF);
    committer.start();
  }

  /**
   * Stores the entries made by {@link OutboundEntries} and returns once all are durable: set-aside
   * envelopes are then quarantined, outputs for an unknown destination dead-lettered (with a
   * receipt). A redelivered output is a DUPLICATE and changes nothing.
   */
  public List<StoreResult> storeAll(List<IncomingMessage> messages) {
    List<CompletableFuture<StoreResult>> futures = new ArrayList<>(messages.size());
    for (IncomingMessage message : messages) {
      futures.add(spool.store(message));
    }
    List<StoreResult> results = new ArrayList<>(messages.size());
    for (int i = 0; i < futures.size(); i++) {
      StoreResult result = join(futures.get(i));
      results.add(result);
      IncomingMessage message = messages.get(i);
      if (result.outcome() == StoreOutcome.DUPLICATE) {
        continue;
      }
      if (OutboundEntries.INVALID.equals(message.messageType())) {
        spool.quarantine(result.sequence(), message.receivingFacility());
      } else if (!destinations.contains(message.sendingApplication())) {
        deadLetterUnknown(result.sequence(), result.id(), message);
      } else {
        events.outboundQueued(message.sendingApplication(), 1);
      }
    }
    synchronized (arrivals) {
      arrivals.notifyAll();
    }
    return results;
  }

  /**
   * Sets aside what an earlier run left that no line will take: set-aside envelopes not yet
   * quarantined and outputs for destinations no longer configured. Called once at start.
   */
  public void sweep() {
    long after = 0;
    List<SpoolEntry> page;
    do {
      page = spool.unshipped(after, 500);
      for (SpoolEntry entry : page) {
        IncomingMessage m = entry.message();
        if (OutboundEntries.INVALID.equals(m.messageType())) {
          spool.quarantine(entry.sequence(), m.receivingFacility());
        } else if (!destinations.contains(m.sendingApplication())) {
          deadLetterUnknown(entry.sequence(), entry.id(), m);
        }
        after = entry.sequence();
      }
    } while (!page.isEmpty());
  }

  @Override
  public Optional<PendingOutput> next(String destination, Duration wait)
      throws InterruptedException {
    Line line = lines.computeIfAbsent(destination, d -> new Line());
    if (line.head != null) {
      return Optional.of(pendingHead(line));
    }
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      lookBehind(destination, line);
      if (line.ahead.isEmpty()) {
        List<SpoolEntry> read = spool.unshippedFrom(destination, line.readThrough, READ_AHEAD);
        line.ahead.addAll(read);
        if (!read.isEmpty()) {
          line.readThrough = read.get(read.size() - 1).sequence();
        }
      }
      SpoolEntry entry = line.ahead.poll();
      if (entry != null) {
        if (OutboundEntries.INVALID.equals(entry.message().messageType())) {
          spool.quarantine(entry.sequence(), entry.message().receivingFacility());
          continue;
        }
        PendingOutput stored = OutboundEntries.pending(entry);
        line.take(entry, stored.attempts(), stored.applicationErrors(), clock.instant());
        return Optional.of(stored);
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return Optional.empty();
      }
      synchronized (arrivals) {
        TimeUnit.NANOSECONDS.timedWait(
            arrivals, Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)));
      }
      line.lookBehindAt = 0; // idle: look behind at the next turn
    }
  }

  /**
   * Hands the ending to the committer and returns once the destination may send its next output: at
   * once while it has fewer than {@code maxUncommitted} endings unrecorded.
   */
  @Override
  public void markDelivered(Output output, DeliveryResult result) throws InterruptedException {
    Line line = headOf(output);
    line.attempts++;
    Instant now = clock.instant();
    DeliveryReceipt receipt = receipt(line, output, ReceiptOutcome.DELIVERED, result, now);
    end(line, Ending.delivered(line.head.sequence(), output.id(), receipt, now));
  }

  @Override
  public void recordAttempt(Output output, DeliveryResult result) {
    Line line = headOf(output);
    line.attempts++;
    if (OutboundEntries.applicationError(result)) {
      line.applicationErrors++;
    }
    spool.recordFailure(
        line.head.sequence(), OutboundEntries.attemptReason(line.applicationErrors, result));
  }

  @Override
  public void deadLetter(Output output, String reason, DeliveryResult lastResult)
      throws InterruptedException {
    Line line = headOf(output);
    line.attempts++;
    Instant now = clock.instant();
    DeliveryReceipt receipt = receipt(line, output, ReceiptOutcome.DEAD_LETTERED, lastResult, now);
    String kept = OutboundEntries.deadLetterReason(reason, lastResult);
    end(line, Ending.deadLettered(line.head.sequence(), output.id(), receipt, now, kept));
  }

  private void end(Line line, Ending ending) throws InterruptedException {
    committer.submit(ending);
    line.ended();
    committer.awaitRoom(ending.destination());
  }

  /** The committer's step: receipts first (one journal write), then the marks (one transaction). */
  private void record(List<Ending> endings) {
    receipts.recordAll(endings);
    List<Long> delivered = new ArrayList<>(endings.size());
    for (Ending ending : endings) {
      if (ending.delivered()) {
        delivered.add(ending.sequence());
      }
    }
    if (!delivered.isEmpty()) {
      spool.markShipped(delivered, clock.instant());
    }
    for (Ending ending : endings) {
      if (!ending.delivered()) {
        spool.quarantine(ending.sequence(), ending.deadLetterReason());
      }
    }
  }

  /** Outputs waiting per destination (pending) and dead-lettered, as the index holds them now. */
  public Backlog backlog() {
    return new Backlog(
        spool.countBySender(EntryState.RECEIVED), spool.countBySender(EntryState.QUARANTINED));
  }

  /**
   * Outputs per destination name.
   *
   * @param pending waiting to be delivered (the head being tried included)
   * @param dead dead-lettered and kept until retried or dropped
   */
  public record Backlog(Map<String, Long> pending, Map<String, Long> dead) {
    public Backlog {
      pending = Map.copyOf(pending);
      dead = Map.copyOf(dead);
    }
  }

  /** Deletes delivered outputs and sent receipts that ended before {@code before}. */
  public int prune(Instant before) {
    return spool.pruneShipped(before) + receipts.pruneSent(before);
  }

  private void lookBehind(String destination, Line line) throws InterruptedException {
    long now = System.nanoTime();
    if (line.lookBehindAt != 0 && now - line.lookBehindAt < RESCAN_NANOS) {
      return;
    }
    line.lookBehindAt = now;
    // Ended but unrecorded outputs are still RECEIVED: they must not look like retried ones.
    committer.awaitRecorded(destination);
    List<SpoolEntry> first = spool.unshippedFrom(destination, 0, 1);
    if (!first.isEmpty() && first.get(0).sequence() <= line.endedThrough) {
      LOG.info(
          "destination {}: outputs from sequence {} are pending again (retry): rewinding",
          destination,
          first.get(0).sequence());
      line.rewind();
    }
  }

  private PendingOutput pendingHead(Line line) {
    PendingOutput stored = OutboundEntries.pending(line.head);
    return new PendingOutput(stored.output(), line.attempts, line.applicationErrors);
  }

  private Line headOf(Output output) {
    Line line = lines.get(output.destination());
    if (line == null || line.head == null || !line.head.id().equals(output.id())) {
      throw new IllegalStateException(
          "output " + output.id() + " is not at the head of " + output.destination());
    }
    return line;
  }

  private DeliveryReceipt receipt(
      Line line, Output output, ReceiptOutcome outcome, DeliveryResult result, Instant now) {
    return new DeliveryReceipt(
        DeliveryReceipt.VERSION,
        line.head.message().sendingFacility(),
        site,
        output.destination(),
        outcome,
        result == null ? "" : result.msa1(),
        result == null ? "" : result.msa3(),
        line.attempts,
        (line.firstAttemptAt == null ? now : line.firstAttemptAt).toString(),
        now.toString(),
        output.controlId());
  }

  private void deadLetterUnknown(long sequence, String id, IncomingMessage m) {
    String reason = "unknown destination " + m.sendingApplication();
    Instant now = clock.instant();
    receipts.record(
        new DeliveryReceipt(
            DeliveryReceipt.VERSION,
            m.sendingFacility(),
            site,
            m.sendingApplication(),
            ReceiptOutcome.DEAD_LETTERED,
            "",
            reason,
            0,
            now.toString(),
            now.toString(),
            OutboundEntries.controlId(m.payload(), m.messageType())),
        id,
        now);
    spool.quarantine(sequence, reason);
    LOG.warn("output {} of envelope {} set aside: {}", id, m.sendingFacility(), reason);
  }

  /** Groups of endings recorded so far (benchmarks: endings per group). */
  long commitGroups() {
    return committer.groups();
  }

  /** Records the endings handed in so far and stops the commit thread; the spools stay open. */
  @Override
  public void close() {
    committer.close();
  }

  private static StoreResult join(CompletableFuture<StoreResult> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted storing outputs", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("storing an output failed", e.getCause());
    }
  }
}
