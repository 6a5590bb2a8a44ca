package dev.hl7ferry.edge.mllp;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import java.util.EnumSet;

/**
 * Why a connection is not being read from. Several handlers stop reading for their own reasons
 * (replies backing up, a socket that takes no more writes, the in-flight budget, shutdown); the
 * connection reads again only once none of them holds it. Used on the connection's event loop.
 */
public final class ReadPause {
  private static final AttributeKey<ReadPause> KEY = AttributeKey.valueOf("ferry.readPause");

  /** What holds a connection's reading. */
  public enum Reason {
    /** Too many replies wait ({@code listener.maxPendingPerConnection}). */
    BACKLOG,
    /** The connection closes after its pending replies (an unreadable oversized frame). */
    CLOSING,
    /** The peer does not read its replies: the socket's outbound buffer is full. */
    UNWRITABLE,
    /**
     * The in-flight budget ({@code limits.inFlightBytes}) is spent: the edge's wait, not the
     * peer's.
     */
    BUDGET,
    /** The edge is stopping. */
    DRAIN
  }

  private final Channel channel;
  private final EnumSet<Reason> reasons = EnumSet.noneOf(Reason.class);
  private long budgetPauses;

  private ReadPause(Channel channel) {
    this.channel = channel;
  }

  /** The pause state of {@code channel}. */
  public static ReadPause of(Channel channel) {
    ReadPause pause = channel.attr(KEY).get();
    if (pause == null) {
      pause = new ReadPause(channel);
      ReadPause earlier = channel.attr(KEY).setIfAbsent(pause);
      return earlier == null ? pause : earlier;
    }
    return pause;
  }

  /** Stops reading for {@code reason}. */
  public void pause(Reason reason) {
    if (reasons.add(reason) && reason == Reason.BUDGET) {
      budgetPauses++;
    }
    channel.config().setAutoRead(false);
  }

  /** Lifts {@code reason}; reading resumes when nothing else holds it. */
  public void resume(Reason reason) {
    if (reasons.remove(reason) && reasons.isEmpty()) {
      channel.config().setAutoRead(true);
    }
  }

  /** How many times the in-flight budget stopped this connection's reading so far. */
  public long budgetPauses() {
    return budgetPauses;
  }

  /** Whether anything holds the connection. */
  public boolean any() {
    return !reasons.isEmpty();
  }

  /** Whether {@code reason} holds the connection. */
  public boolean holds(Reason reason) {
    return reasons.contains(reason);
  }
}
