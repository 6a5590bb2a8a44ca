package dev.hl7ferry.converter.dispatch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The edge outputs of one SQS batch, held until the batch has been converted and then sent per site
 * in record order with as few calls as the queue allows ({@link OutboundQueues#sendInOrder}): a
 * batch of ten records costs one or two SendMessageBatch calls instead of one SendMessage per
 * output. Each record has a {@link Slot}; {@link #flush} tells which records had an output that was
 * not sent and calls their failure handler (the error record), so only those records are retried.
 */
final class Outbox {
  private final OutboundQueues queues;
  private final Map<String, List<Held>> bySite = new LinkedHashMap<>();
  private final Map<Integer, Slot> slots = new HashMap<>();

  private record Held(int record, OutboundMessage message) {}

  Outbox(OutboundQueues queues) {
    this.queues = queues;
  }

  /** The place of record number {@code record} of the batch. */
  Slot slot(int record) {
    return slots.computeIfAbsent(record, Slot::new);
  }

  /**
   * Sends everything held; returns the records with an output not sent, with the first reason,
   * after calling each one's failure handler. The outbox is empty afterwards.
   */
  Map<Integer, String> flush() {
    Map<Integer, String> failed = new LinkedHashMap<>();
    for (Map.Entry<String, List<Held>> site : bySite.entrySet()) {
      List<Held> held = site.getValue();
      List<OutboundMessage> messages = new ArrayList<>(held.size());
      held.forEach(h -> messages.add(h.message()));
      queues
          .sendInOrder(site.getKey(), messages)
          .forEach((position, why) -> failed.putIfAbsent(held.get(position).record(), why));
    }
    bySite.clear();
    failed.forEach((record, why) -> slots.get(record).failed(why));
    return failed;
  }

  /** One record's outputs and what to do when one of them could not be sent. */
  final class Slot {
    private final int record;
    private Consumer<String> onFailure = why -> {};

    private Slot(int record) {
      this.record = record;
    }

    /** Holds {@code message} for {@code site}'s outbound queue until the flush. */
    void add(String site, OutboundMessage message) {
      bySite.computeIfAbsent(site, s -> new ArrayList<>()).add(new Held(record, message));
    }

    /** Called with the reason when an output of this record is not sent at the flush. */
    void onFailure(Consumer<String> handler) {
      this.onFailure = handler;
    }

    private void failed(String why) {
      onFailure.accept(why);
    }
  }
}
