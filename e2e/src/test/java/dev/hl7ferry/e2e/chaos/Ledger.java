package dev.hl7ferry.e2e.chaos;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the senders of one scenario sent and how the edge answered, by control id: the side of the
 * count that the deliveries are checked against.
 */
final class Ledger {
  private final String prefix;
  private final Set<String> acked = ConcurrentHashMap.newKeySet();
  private final Set<String> ackedBad = ConcurrentHashMap.newKeySet();
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong sequence = new AtomicLong();
  private final AtomicLong unanswered = new AtomicLong();
  private final Map<String, AtomicLong> naks = new ConcurrentHashMap<>();

  Ledger(String prefix) {
    this.prefix = prefix;
  }

  /** Control ids of this scenario start with this (and a dash). */
  String prefix() {
    return prefix;
  }

  /** The next number across all senders of the scenario, from 0. */
  long nextSequence() {
    return sequence.getAndIncrement();
  }

  void sent() {
    sent.incrementAndGet();
  }

  void acked(String controlId, boolean bad) {
    (bad ? ackedBad : acked).add(controlId);
  }

  /** A negative ACK, counted by MSA-1 and ERR code, e.g. {@code AR/207}. */
  void nak(String code, String error) {
    naks.computeIfAbsent(error.isEmpty() ? code : code + "/" + error, k -> new AtomicLong())
        .incrementAndGet();
  }

  /** Written, but no answer came (the connection broke or the answer timed out). */
  void unanswered() {
    unanswered.incrementAndGet();
  }

  long sentCount() {
    return sent.get();
  }

  /** Acknowledged with AA/CA and meant to be delivered. */
  Set<String> acked() {
    return Set.copyOf(acked);
  }

  /** Acknowledged with AA/CA and meant to fail in the converter. */
  Set<String> ackedBad() {
    return Set.copyOf(ackedBad);
  }

  long unansweredCount() {
    return unanswered.get();
  }

  /** Negative ACKs by code, sorted. */
  Map<String, Long> naks() {
    Map<String, Long> out = new TreeMap<>();
    naks.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }

  long nakCount() {
    return naks.values().stream().mapToLong(AtomicLong::get).sum();
  }
}
