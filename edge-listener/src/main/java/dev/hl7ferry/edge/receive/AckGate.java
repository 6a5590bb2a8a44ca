package dev.hl7ferry.edge.receive;

import dev.hl7ferry.edge.spool.StoreOutcome;
import dev.hl7ferry.edge.spool.StoreResult;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides when a committed store may be acknowledged positively. With {@link AckAfter#SPOOL} at
 * once; with {@link AckAfter#CLOUD} only once the shipper confirmed the entry in S3 and SQS,
 * failing with {@link NotConfirmedException} after the timeout. A {@code DUPLICATE} is acknowledged
 * at once in both modes: its first copy was answered already and is shipped (or shipping) like any
 * other entry. Every committed store wakes the shipper.
 */
public final class AckGate {
  private static final Logger LOG = LoggerFactory.getLogger(AckGate.class);

  /** Positive ACKs right after the commit, nothing to wake: spool-only edges and tests. */
  public static final AckGate SPOOL_ONLY =
      new AckGate(CloudHandoff.NONE, AckAfter.SPOOL, Duration.ofSeconds(1));

  private final CloudHandoff cloud;
  private final AckAfter ackAfter;
  private final Duration timeout;

  public AckGate(CloudHandoff cloud, AckAfter ackAfter, Duration timeout) {
    this.cloud = Objects.requireNonNull(cloud, "cloud");
    this.ackAfter = Objects.requireNonNull(ackAfter, "ackAfter");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  /** Whether a positive ACK follows the commit at once ({@code ackAfter: spool}). */
  boolean confirmsAtCommit() {
    return ackAfter == AckAfter.SPOOL;
  }

  /**
   * {@code stored}, or for {@code ackAfter: cloud} a future that completes with the same result
   * once the cloud confirmed it. Store failures pass through unchanged.
   */
  CompletableFuture<StoreResult> after(CompletableFuture<StoreResult> stored) {
    CompletableFuture<StoreResult> woken =
        stored.whenComplete(
            (result, error) -> {
              if (error == null) {
                try {
                  cloud.stored();
                } catch (RuntimeException e) {
                  // A wake-up is an optimisation (the shipper also polls): never fail the ACK.
                  LOG.warn("waking the shipper failed", e);
                }
              }
            });
    if (ackAfter == AckAfter.SPOOL) {
      return woken;
    }
    return woken.thenCompose(this::confirmed);
  }

  private CompletableFuture<StoreResult> confirmed(StoreResult result) {
    if (result.outcome() == StoreOutcome.DUPLICATE) {
      return CompletableFuture.completedFuture(result);
    }
    CompletableFuture<Void> shipped;
    try {
      shipped = cloud.whenShipped(result.id());
    } catch (RuntimeException e) {
      shipped = CompletableFuture.failedFuture(e);
    }
    CompletableFuture<StoreResult> out = new CompletableFuture<>();
    shipped
        .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .whenComplete(
            (ok, error) -> {
              if (error == null) {
                out.complete(result);
              } else {
                out.completeExceptionally(new NotConfirmedException(result, timeout, error));
              }
            });
    return out;
  }
}
