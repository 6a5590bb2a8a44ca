package dev.hl7ferry.edge.connection;

import dev.hl7ferry.edge.mllp.ReadPause;
import io.netty.channel.Channel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one budget of bytes all connections together hold in flight: frames being received and
 * received frames until their store answered. Past it every connection stops reading ({@link
 * InFlightLimiter}) until it frees. So that connections each holding part of a frame cannot wait on
 * one another forever, one connection at a time, the lead, may finish its frame past the budget;
 * once that frame's store answered, the paused connection holding the largest part leads next. The
 * most held is the budget plus one frame plus one read per connection (see the edge README).
 */
public final class InFlightBudget {
  private static final Logger LOG = LoggerFactory.getLogger(InFlightBudget.class);

  private final long limit;
  private final AtomicLong held = new AtomicLong();
  private final AtomicLong pauses = new AtomicLong();
  private final Object lock = new Object();
  private final Map<Channel, Long> paused = new HashMap<>(); // guarded by lock
  private volatile Channel lead; // written under lock
  private volatile boolean anyPaused;

  public InFlightBudget(long limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("the in-flight budget must be positive");
    }
    this.limit = limit;
  }

  /** The budget in bytes. */
  public long limit() {
    return limit;
  }

  /** Bytes held now. */
  public long held() {
    return held.get();
  }

  /** How many times a connection stopped reading for the budget since start. */
  public long pauses() {
    return pauses.get();
  }

  /** Whether more than the budget is held. */
  public boolean spent() {
    return held.get() > limit;
  }

  /** Adds (or, negative, frees) bytes; freeing lets paused connections read again. */
  void add(long delta) {
    held.addAndGet(delta);
    if (delta < 0 && anyPaused) {
      synchronized (lock) {
        wake();
      }
    }
  }

  /** Whether {@code channel} leads (or now becomes the lead): it may finish its frame. */
  boolean lead(Channel channel) {
    synchronized (lock) {
      if (lead == null) {
        lead = channel;
      }
      return lead == channel;
    }
  }

  /** Whether {@code channel} is the lead. */
  boolean leads(Channel channel) {
    return lead == channel;
  }

  /** Stops {@code channel} reading; on its event loop. {@code partial}: its unfinished frame. */
  void pause(Channel channel, long partial) {
    if (pauses.getAndIncrement() == 0) {
      LOG.info(
          "in-flight budget of {} bytes spent: connections stop reading until it frees", limit);
    }
    ReadPause.of(channel).pause(ReadPause.Reason.BUDGET);
    synchronized (lock) {
      paused.put(channel, partial);
      anyPaused = true;
      wake(); // freed while this one was deciding to pause, or nobody leads
    }
  }

  /** A paused {@code channel}'s unfinished frame grew by a read that was under way. */
  void stillPaused(Channel channel, long partial) {
    synchronized (lock) {
      paused.replace(channel, partial);
    }
  }

  /** The lead's frame is received and answered (or it closed): the next one may lead. */
  void led(Channel channel) {
    synchronized (lock) {
      if (lead == channel) {
        lead = null;
        wake();
      }
    }
  }

  /** {@code channel} closed: it holds nothing and waits for nothing any more. */
  void closed(Channel channel) {
    synchronized (lock) {
      paused.remove(channel);
      anyPaused = !paused.isEmpty();
      led(channel);
    }
  }

  /** Under the lock: everyone reads again once within the budget, else a lead goes on. */
  private void wake() {
    if (!spent()) {
      List<Channel> all = new ArrayList<>(paused.keySet());
      paused.clear();
      anyPaused = false;
      all.forEach(InFlightBudget::resume);
    } else if (lead == null) {
      Channel next = null;
      long most = 0;
      for (Map.Entry<Channel, Long> e : paused.entrySet()) {
        if (e.getValue() > most) {
          most = e.getValue();
          next = e.getKey();
        }
      }
      if (next != null) {
        lead = next;
        paused.remove(next);
        anyPaused = !paused.isEmpty();
        resume(next);
      }
    }
  }

  private static void resume(Channel channel) {
    channel.eventLoop().execute(() -> ReadPause.of(channel).resume(ReadPause.Reason.BUDGET));
  }
}
