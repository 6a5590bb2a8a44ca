package dev.hl7ferry.edge.receive;

import java.util.concurrent.CompletableFuture;

/**
 * A reply that may not be known yet, written down the pipeline in arrival order; {@link
 * ReplySequencer} sends the replies in that order as they complete.
 */
public record PendingReply(CompletableFuture<Reply> reply) {

  /** A reply already known. */
  public static PendingReply of(Reply reply) {
    return new PendingReply(CompletableFuture.completedFuture(reply));
  }
}
