package dev.hl7ferry.edge.outbound;

import dev.hl7ferry.edge.retry.Backoff;
import dev.hl7ferry.edge.retry.RetryingLoop;
import dev.hl7ferry.edge.spool.IncomingMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the site's outbound queue into the outbound store on a thread of its own: long-polls up to
 * ten messages, turns each into an entry ({@link EnvelopeIntake}), stores them durably and only
 * then deletes them from the queue. A crash between the two leaves the messages on the queue; their
 * redelivery is stored once (a duplicate). While the cloud is unreachable it backs off and delivery
 * from the store goes on.
 */
public final class OutboundReceiver implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OutboundReceiver.class);
  private static final int MAX_PER_RECEIVE = 10;

  private final OutboundSource source;
  private final EnvelopeIntake intake;
  private final OutboundStore store;
  private final Duration waitTime;
  private final RetryingLoop loop;

  public OutboundReceiver(
      OutboundSource source,
      OutboundStore store,
      String site,
      Duration waitTime,
      Backoff backoff,
      java.time.Clock clock) {
    this.source = source;
    this.intake = new EnvelopeIntake(source, site, clock);
    this.store = store;
    this.waitTime = waitTime;
    this.loop =
        new RetryingLoop(
            "outbound-receive",
            "taking from the outbound queue",
            () -> {
              round();
              return Duration.ZERO;
            },
            backoff,
            LOG);
  }

  public void start() {
    loop.start();
  }

  /** One receive, store and delete. */
  void round() throws CloudUnavailableException {
    List<ReceivedMessage> received = source.receive(MAX_PER_RECEIVE, waitTime);
    if (received.isEmpty() || loop.stopping()) {
      return;
    }
    List<ReceivedMessage> taken = new ArrayList<>(received.size());
    List<IncomingMessage> entries = new ArrayList<>(received.size());
    CloudUnavailableException fetchFailure = null;
    Set<String> heldBack = new HashSet<>();
    for (ReceivedMessage message : received) {
      String destination = EnvelopeIntake.property(message.body(), "destination");
      if (heldBack.contains(destination)) {
        continue; // behind one that stays on the queue: taking it now would break the order
      }
      try {
        entries.add(intake.entry(message));
        taken.add(message);
      } catch (CloudUnavailableException e) {
        // Its claim check is out of reach: it stays on the queue and comes back, and so do the
        // ones after it in its message group (the destination).
        fetchFailure = e;
        heldBack.add(destination);
      }
    }
    if (!entries.isEmpty()) {
      store.storeAll(entries);
      source.delete(taken);
    }
    if (fetchFailure != null) {
      throw fetchFailure;
    }
  }

  /** Stops taking; a receive in progress is abandoned (its messages come back). */
  @Override
  public void close() {
    loop.close();
  }
}
