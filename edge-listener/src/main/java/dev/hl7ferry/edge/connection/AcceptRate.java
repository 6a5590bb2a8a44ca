package dev.hl7ferry.edge.connection;

import io.netty.channel.ChannelHandlerContext;
import java.util.function.LongSupplier;

/**
 * The listener's accept-rate limit: a token bucket of {@code burst} connections refilled at {@code
 * perSecond}; a connection finding it empty is refused. One instance per connection over the
 * listener's shared {@link Bucket}.
 */
public final class AcceptRate extends ConnectionGate {
  private final Bucket bucket;

  /** The tokens of one listener. */
  public static final class Bucket {
    private final double perNano;
    private final double burst;
    private final LongSupplier nanoTime;
    private double tokens;
    private long refilledAt;

    public Bucket(int perSecond, int burst, LongSupplier nanoTime) {
      this.perNano = perSecond / 1e9;
      this.burst = burst;
      this.nanoTime = nanoTime;
      this.tokens = burst;
      this.refilledAt = nanoTime.getAsLong();
    }

    /** Takes a token if there is one. */
    public synchronized boolean take() {
      long now = nanoTime.getAsLong();
      tokens = Math.min(burst, tokens + (now - refilledAt) * perNano);
      refilledAt = now;
      if (tokens < 1) {
        return false;
      }
      tokens -= 1;
      return true;
    }

    String describe() {
      return Math.round(perNano * 1e9) + "/s (burst " + Math.round(burst) + ")";
    }
  }

  public AcceptRate(Bucket bucket, RefusalLog refusals, String listener) {
    super(refusals, listener);
    this.bucket = bucket;
  }

  @Override
  protected String refusal(ChannelHandlerContext ctx) {
    return bucket.take() ? null : "accept rate " + bucket.describe() + " exceeded";
  }
}
