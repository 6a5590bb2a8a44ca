package dev.hl7ferry.edge.ship;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * One shipping round over a run of entries: all payloads are put concurrently, then the envelopes
 * of the entries whose payload is stored are sent in batches. An envelope is never sent before its
 * payload is confirmed (claim check), and on a FIFO queue never before the envelopes that precede
 * it in its group: after a failure the rest of that group waits for the next round. The puts of a
 * run can be started ahead ({@link #startPuts}) so that they overlap the previous run's sends.
 */
final class BatchShipper {

  private final PayloadStore store;
  private final EnvelopeQueue queue;
  private final ShipSettings settings;
  private final ExecutorService putExecutor;
  private final ExecutorService sendExecutor;

  /** The PutObject calls of one run, under way. */
  record Puts(List<Future<?>> calls) {}

  BatchShipper(
      PayloadStore store,
      EnvelopeQueue queue,
      ShipSettings settings,
      ExecutorService putExecutor,
      ExecutorService sendExecutor) {
    this.store = store;
    this.queue = queue;
    this.settings = settings;
    this.putExecutor = putExecutor;
    this.sendExecutor = sendExecutor;
  }

  /** Starts putting the payloads of {@code run}; {@link #finish} waits for them. */
  Puts startPuts(List<Shipment> run) {
    List<Future<?>> puts = new ArrayList<>(run.size());
    for (Shipment s : run) {
      puts.add(
          putExecutor.submit(
              () -> {
                store.put(s);
                return null;
              }));
    }
    return new Puts(puts);
  }

  /**
   * Ships {@code run} (in receive order); interrupted means the shipper is stopping. A {@code
   * retry} round on a FIFO queue sends the first envelope of each group alone, so that an envelope
   * the queue keeps refusing is never overtaken by the ones batched behind it.
   */
  RoundResult ship(List<Shipment> run, boolean retry) throws InterruptedException {
    return finish(run, startPuts(run), retry);
  }

  /** Like {@link #ship} for a run whose puts were started with {@link #startPuts}. */
  RoundResult finish(List<Shipment> run, Puts puts, boolean retry) throws InterruptedException {
    Map<String, String> errors = new ConcurrentHashMap<>();
    List<Shipment> stored = awaitPuts(run, puts, errors);
    Set<String> sent =
        settings.fifo() ? sendInGroupOrder(run, stored, errors, retry) : sendAll(stored, errors);
    List<Shipment> shipped = new ArrayList<>();
    List<Shipment> unshipped = new ArrayList<>();
    String firstError = null;
    for (Shipment s : run) {
      if (sent.contains(s.entryId())) {
        shipped.add(s);
      } else {
        unshipped.add(s);
        if (firstError == null) {
          firstError = errors.getOrDefault(s.entryId(), "not sent");
        }
      }
    }
    return new RoundResult(shipped, unshipped, firstError);
  }

  private List<Shipment> awaitPuts(List<Shipment> run, Puts started, Map<String, String> errors)
      throws InterruptedException {
    List<Future<?>> puts = started.calls();
    List<Shipment> stored = new ArrayList<>(run.size());
    for (int i = 0; i < run.size(); i++) {
      Shipment s = run.get(i);
      try {
        puts.get(i).get();
        stored.add(s);
      } catch (ExecutionException e) {
        errors.put(s.entryId(), "put " + s.key() + ": " + describe(e.getCause()));
      }
    }
    return stored;
  }

  /** Standard queue: no order to keep, every batch in parallel. */
  private Set<String> sendAll(List<Shipment> stored, Map<String, String> errors)
      throws InterruptedException {
    List<Future<List<String>>> calls = new ArrayList<>();
    for (List<Shipment> batch : batches(stored)) {
      calls.add(sendExecutor.submit(() -> sendBatch(batch, errors)));
    }
    return collect(calls);
  }

  /**
   * FIFO queue: the entries of one group go out batch after batch, stopping at the first failure
   * (the rest of the group waits for the next round); groups go in parallel. Entries of a group
   * after one whose payload failed are held back too.
   */
  private Set<String> sendInGroupOrder(
      List<Shipment> run, List<Shipment> stored, Map<String, String> errors, boolean retry)
      throws InterruptedException {
    Set<String> storedIds = new HashSet<>();
    stored.forEach(s -> storedIds.add(s.entryId()));
    Map<String, List<Shipment>> groups = new LinkedHashMap<>();
    Set<String> blockedGroups = new HashSet<>();
    for (Shipment s : run) {
      if (!storedIds.contains(s.entryId())) {
        blockedGroups.add(s.groupId());
      } else if (!blockedGroups.contains(s.groupId())) {
        groups.computeIfAbsent(s.groupId(), g -> new ArrayList<>()).add(s);
      }
    }
    List<Future<List<String>>> calls = new ArrayList<>();
    for (List<Shipment> group : groups.values()) {
      calls.add(
          sendExecutor.submit(
              () -> {
                List<String> ok = new ArrayList<>();
                List<List<Shipment>> batches = new ArrayList<>();
                if (retry) {
                  batches.add(group.subList(0, 1));
                  batches.addAll(batches(group.subList(1, group.size())));
                } else {
                  batches.addAll(batches(group));
                }
                for (List<Shipment> batch : batches) {
                  List<String> accepted = sendBatch(batch, errors);
                  ok.addAll(accepted);
                  if (accepted.size() < batch.size()) {
                    break;
                  }
                }
                return ok;
              }));
    }
    return collect(calls);
  }

  private List<String> sendBatch(List<Shipment> batch, Map<String, String> errors) {
    List<String> accepted = new ArrayList<>(batch.size());
    Map<String, String> refused;
    try {
      refused = queue.send(batch);
    } catch (ShipException | RuntimeException e) {
      batch.forEach(s -> errors.put(s.entryId(), "send: " + describe(e)));
      return accepted;
    }
    for (Shipment s : batch) {
      String why = refused.get(s.entryId());
      if (why == null) {
        accepted.add(s.entryId());
      } else {
        errors.put(s.entryId(), "send refused: " + why);
      }
    }
    return accepted;
  }

  private List<List<Shipment>> batches(List<Shipment> shipments) {
    List<List<Shipment>> out = new ArrayList<>();
    for (int i = 0; i < shipments.size(); i += settings.sendBatchSize()) {
      out.add(shipments.subList(i, Math.min(shipments.size(), i + settings.sendBatchSize())));
    }
    return out;
  }

  private static Set<String> collect(List<Future<List<String>>> calls) throws InterruptedException {
    Set<String> sent = new HashSet<>();
    for (Future<List<String>> call : calls) {
      try {
        sent.addAll(call.get());
      } catch (ExecutionException e) {
        // sendBatch catches everything it can; anything else leaves the batch unsent.
      }
    }
    return sent;
  }

  /** The exception and its causes in one line: the SDK's root cause is usually the useful part. */
  private static String describe(Throwable t) {
    StringBuilder out = new StringBuilder();
    for (Throwable c = t; c != null && out.length() < 600; c = c.getCause()) {
      if (out.length() > 0) {
        out.append(" <- ");
      }
      out.append(c.getClass().getSimpleName());
      if (c.getMessage() != null) {
        out.append(": ").append(c.getMessage());
      }
    }
    return out.toString();
  }
}
