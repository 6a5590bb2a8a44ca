package dev.hl7ferry.edge.receive;

import java.util.concurrent.CompletableFuture;

/**
 * What the receive path tells the shipper and asks of it; {@link #NONE} when nothing ships (spool
 * only). The server module adapts the shipper to this, so handlers stay testable with a fake.
 */
public interface CloudHandoff {

  /** Nothing ships: stores wake nobody and nothing is ever confirmed by a cloud. */
  CloudHandoff NONE =
      new CloudHandoff() {
        @Override
        public void stored() {}

        @Override
        public CompletableFuture<Void> whenShipped(String entryId) {
          return CompletableFuture.failedFuture(
              new IllegalStateException("shipping is not enabled"));
        }
      };

  /** A store committed: wake an idle shipper at once. Cheap, never blocks. */
  void stored();

  /** Completes once entry {@code entryId} is in S3 and SQS; fails if the shipper stops first. */
  CompletableFuture<Void> whenShipped(String entryId);
}
