package dev.hl7ferry.edge.ship;

import dev.hl7ferry.edge.spool.EntryState;
import dev.hl7ferry.edge.spool.IncomingMessage;
import dev.hl7ferry.edge.spool.ShipperSpool;
import dev.hl7ferry.edge.spool.SpoolEntry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A {@link ShipperSpool} in memory, standing in for the SQLite spool in shipper tests. */
public final class InMemorySpool implements ShipperSpool {

  private final TreeMap<Long, SpoolEntry> entries = new TreeMap<>();
  private long nextSequence = 1;

  /** How many upcoming {@link #markShipped} calls fail, to simulate a crash before the mark. */
  public final AtomicInteger failNextMarks = new AtomicInteger();

  public final AtomicInteger pruneCalls = new AtomicInteger();

  /** Stores {@code message}; returns its deterministic id. */
  public synchronized String add(IncomingMessage message) {
    String id = id(message);
    entries.put(
        nextSequence,
        new SpoolEntry(nextSequence, id, message, EntryState.RECEIVED, 0, false, null, null));
    nextSequence++;
    return id;
  }

  @Override
  public synchronized List<SpoolEntry> unshipped(long afterSequence, int limit) {
    List<SpoolEntry> out = new ArrayList<>();
    for (SpoolEntry e : entries.tailMap(afterSequence, false).values()) {
      if (e.state() == EntryState.RECEIVED) {
        out.add(e);
        if (out.size() == limit) {
          break;
        }
      }
    }
    return out;
  }

  @Override
  public synchronized void markShipped(Collection<Long> sequences, Instant when) {
    if (failNextMarks.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new IllegalStateException("simulated crash before markShipped");
    }
    replace(
        sequences,
        e ->
            with(
                e,
                EntryState.RECEIVED == e.state() ? EntryState.SHIPPED : e.state(),
                e.attempts(),
                when));
  }

  @Override
  public synchronized void recordAttempt(Collection<Long> sequences) {
    replace(sequences, e -> with(e, e.state(), e.attempts() + 1, e.shippedAt()));
  }

  @Override
  public synchronized void recordFailure(long sequence, String reason) {
    replace(List.of(sequence), e -> with(e, e.state(), e.attempts() + 1, e.shippedAt(), reason));
  }

  @Override
  public synchronized boolean quarantine(long sequence, String reason) {
    SpoolEntry e = entries.get(sequence);
    if (e == null || e.state() != EntryState.RECEIVED) {
      return false;
    }
    entries.put(sequence, with(e, EntryState.QUARANTINED, e.attempts(), null, reason));
    return true;
  }

  @Override
  public synchronized boolean release(String id) {
    for (var it : entries.entrySet()) {
      SpoolEntry e = it.getValue();
      if (e.id().equals(id) && e.state() == EntryState.QUARANTINED) {
        it.setValue(with(e, EntryState.RECEIVED, 0, null));
        return true;
      }
    }
    return false;
  }

  @Override
  public synchronized boolean drop(String id) {
    return entries.values().removeIf(e -> e.id().equals(id) && e.state() != EntryState.SHIPPED);
  }

  @Override
  public synchronized int resetShipped(Instant since) {
    int n = 0;
    for (var it : entries.entrySet()) {
      SpoolEntry e = it.getValue();
      if (e.state() == EntryState.SHIPPED && !e.message().receivedAt().isBefore(since)) {
        it.setValue(with(e, EntryState.RECEIVED, e.attempts(), null));
        n++;
      }
    }
    return n;
  }

  @Override
  public synchronized int pruneShipped(Instant before) {
    pruneCalls.incrementAndGet();
    int before0 = entries.size();
    entries
        .values()
        .removeIf(e -> e.state() == EntryState.SHIPPED && e.shippedAt().isBefore(before));
    return before0 - entries.size();
  }

  public synchronized List<SpoolEntry> all() {
    return new ArrayList<>(entries.values());
  }

  public synchronized long unshippedCount() {
    return entries.values().stream().filter(e -> e.state() == EntryState.RECEIVED).count();
  }

  public synchronized int attemptsOf(String id) {
    return entries.values().stream()
        .filter(e -> e.id().equals(id))
        .findFirst()
        .orElseThrow()
        .attempts();
  }

  private void replace(
      Collection<Long> sequences, java.util.function.UnaryOperator<SpoolEntry> change) {
    for (long sequence : sequences) {
      entries.computeIfPresent(sequence, (key, entry) -> change.apply(entry));
    }
  }

  private static SpoolEntry with(SpoolEntry e, EntryState state, int attempts, Instant shippedAt) {
    return with(e, state, attempts, shippedAt, e.reason());
  }

  private static SpoolEntry with(
      SpoolEntry e, EntryState state, int attempts, Instant shippedAt, String reason) {
    return new SpoolEntry(
        e.sequence(), e.id(), e.message(), state, attempts, e.controlIdReused(), shippedAt, reason);
  }

  private static String id(IncomingMessage m) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update(
          (m.sendingApplication() + "|" + m.sendingFacility() + "|" + m.controlId() + "|")
              .getBytes(StandardCharsets.UTF_8));
      d.update(m.payload());
      return HexFormat.of().formatHex(d.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
