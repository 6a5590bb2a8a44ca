package dev.hl7ferry.edge.ship;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * One shipping round over a run of entries: the payloads that need an object (claim checks, or
 * every one with archive perMessage) are put concurrently beside the round's one batch archive
 * ({@link ArchiveBatch}), then the envelopes of the entries whose objects are stored are sent in
 * batches. An envelope is never sent before its payload object and archive are confirmed, and on a
 * FIFO queue never before the envelopes that precede it in its group: after a failure the rest of
 * that group waits for the next round. The puts of a run can be started ahead ({@link #startPuts})
 * so that they overlap the previous run's sends.
 */
final class BatchShipper {

  /** SQS's limit on the sum of the bodies in one SendMessageBatch. */
  static final long BATCH_MAX_BYTES = 1_048_576;

  private final PayloadStore store;
  private final EnvelopeQueue queue;
  private final ShipSettings settings;
  private final ExecutorService putExecutor;
  private final ExecutorService sendExecutor;

  /** Entries whose archive member is stored but that are not yet shipped: not archived again. */
  private final Set<String> archived = ConcurrentHashMap.newKeySet();

  /**
   * The object puts of one run, under way.
   *
   * @param calls per shipment its PutObject, or null when it needs none
   * @param archive the run's archive put, or null
   * @param archiveMembers ids of the entries whose bytes that archive holds
   */
  record Puts(List<Future<?>> calls, Future<?> archive, Set<String> archiveMembers) {}

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

  /** Starts putting the objects of {@code run}; {@link #finish} waits for them. */
  Puts startPuts(List<Shipment> run) {
    List<Future<?>> puts = new ArrayList<>(run.size());
    for (Shipment s : run) {
      puts.add(
          s.putPerMessage()
              ? putExecutor.submit(
                  () -> {
                    store.put(s);
                    return null;
                  })
              : null);
    }
    List<Shipment> toArchive =
        run.stream().filter(s -> !s.archived() || !archived.contains(s.entryId())).toList();
    Optional<ArchiveBatch> batch = ArchiveBatch.of(settings.site(), toArchive);
    if (batch.isEmpty()) {
      return new Puts(puts, null, Set.of());
    }
    Future<?> archive =
        putExecutor.submit(
            () -> {
              store.putArchive(batch.get());
              archived.addAll(batch.get().memberIds());
              return null;
            });
    return new Puts(puts, archive, Set.copyOf(batch.get().memberIds()));
  }

  /** Entries shipped or set aside: their archive state is no longer needed. */
  void forget(Collection<String> ids) {
    archived.removeAll(ids);
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
    Map<String, ShipFailure> errors = new ConcurrentHashMap<>();
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
          ShipFailure f = errors.get(s.entryId());
          firstError = f == null ? "not sent" : f.reason();
        }
      }
    }
    return new RoundResult(shipped, unshipped, Map.copyOf(errors), firstError);
  }

  private List<Shipment> awaitPuts(
      List<Shipment> run, Puts started, Map<String, ShipFailure> errors)
      throws InterruptedException {
    ShipFailure archiveFailure = null;
    if (started.archive() != null) {
      try {
        started.archive().get();
      } catch (ExecutionException e) {
        archiveFailure = ShipFailure.outage("archive put: " + reason(e.getCause()));
      }
    }
    List<Shipment> stored = new ArrayList<>(run.size());
    for (int i = 0; i < run.size(); i++) {
      Shipment s = run.get(i);
      Future<?> put = started.calls().get(i);
      try {
        if (put != null) {
          put.get();
        }
        if (archiveFailure != null && started.archiveMembers().contains(s.entryId())) {
          errors.put(s.entryId(), archiveFailure);
        } else {
          stored.add(s);
        }
      } catch (ExecutionException e) {
        String reason = "put: " + reason(e.getCause());
        errors.put(
            s.entryId(),
            e.getCause() instanceof ShipException se && se.permanent()
                ? ShipFailure.permanent(reason)
                : ShipFailure.outage(reason));
      }
    }
    return stored;
  }

  /** Standard queue: no order to keep, every batch in parallel. */
  private Set<String> sendAll(List<Shipment> stored, Map<String, ShipFailure> errors)
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
      List<Shipment> run, List<Shipment> stored, Map<String, ShipFailure> errors, boolean retry)
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

  /**
   * Sends one batch; the ids the queue accepted. A call refused for good as a whole is split: each
   * envelope is sent alone, in order, so that the one at fault is found and counted (on a FIFO
   * queue the rest of its group waits behind it).
   */
  private List<String> sendBatch(List<Shipment> batch, Map<String, ShipFailure> errors) {
    List<String> accepted = new ArrayList<>(batch.size());
    Map<String, ShipFailure> refused;
    try {
      refused = queue.send(batch);
    } catch (ShipException e) {
      if (e.permanent() && batch.size() > 1) {
        for (Shipment s : batch) {
          List<String> one = sendBatch(List.of(s), errors);
          accepted.addAll(one);
          if (one.isEmpty() && settings.fifo()) {
            break;
          }
        }
        return accepted;
      }
      // Our own message: codes and ids only; the SDK's may quote what was sent.
      String reason = "send: " + e.getMessage();
      ShipFailure failure =
          e.permanent() ? ShipFailure.permanent(reason) : ShipFailure.outage(reason);
      batch.forEach(s -> errors.put(s.entryId(), failure));
      return accepted;
    } catch (RuntimeException e) {
      batch.forEach(s -> errors.put(s.entryId(), ShipFailure.outage("send: " + describe(e))));
      return accepted;
    }
    for (Shipment s : batch) {
      ShipFailure why = refused.get(s.entryId());
      if (why == null) {
        accepted.add(s.entryId());
      } else {
        errors.put(s.entryId(), why);
      }
    }
    return accepted;
  }

  /**
   * Consecutive batches of at most {@code sendBatchSize} envelopes whose bodies add up to at most
   * SQS's 1 MiB per SendMessageBatch (only large inline bodies ever reach it).
   */
  private List<List<Shipment>> batches(List<Shipment> shipments) {
    List<List<Shipment>> out = new ArrayList<>();
    int from = 0;
    long bytes = 0;
    for (int i = 0; i < shipments.size(); i++) {
      long size = utf8Length(shipments.get(i).body());
      if (i > from && (i - from == settings.sendBatchSize() || bytes + size > BATCH_MAX_BYTES)) {
        out.add(shipments.subList(from, i));
        from = i;
        bytes = 0;
      }
      bytes += size;
    }
    if (from < shipments.size()) {
      out.add(shipments.subList(from, shipments.size()));
    }
    return out;
  }

  private static long utf8Length(String text) {
    long n = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      n += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
    }
    return n;
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

  /** Our own exception's message (codes and ids only), else the exception and its causes. */
  private static String reason(Throwable t) {
    return t instanceof ShipException ? t.getMessage() : describe(t);
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
