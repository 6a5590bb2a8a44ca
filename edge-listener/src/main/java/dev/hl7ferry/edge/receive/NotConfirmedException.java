package dev.hl7ferry.edge.receive;

import dev.hl7ferry.edge.spool.StoreResult;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

/**
 * An entry was stored but the cloud did not confirm it in time ({@code ackAfter: cloud}): the
 * sender gets AR/CR with ERR 207; the entry stays spooled and still ships.
 */
final class NotConfirmedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient StoreResult stored;

  NotConfirmedException(StoreResult stored, Duration timeout, Throwable cause) {
    super(describe(timeout, cause), cause);
    this.stored = stored;
  }

  /** The store that did commit. */
  StoreResult stored() {
    return stored;
  }

  private static String describe(Duration timeout, Throwable cause) {
    Throwable c =
        cause instanceof CompletionException && cause.getCause() != null ? cause.getCause() : cause;
    if (c instanceof TimeoutException) {
      String limit =
          timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
      return "not confirmed by the cloud within " + limit;
    }
    return "not confirmed by the cloud: " + c.getMessage();
  }
}
