package dev.hl7ferry.converter.lambda;

import dev.hl7ferry.converter.store.TemplateCatalog;
import java.io.IOException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the template store on a background thread during init, so the listing and reads (and the S3
 * client's first-request classes) overlap with building the SQS client and with the runtime
 * fetching the first event. The catalog is synchronized: the first record simply waits for this
 * load. A failure is only logged; the first record loads again and reports a real error.
 */
final class TemplatePrefetch {
  private static final Logger LOG = LoggerFactory.getLogger(TemplatePrefetch.class);

  private TemplatePrefetch() {}

  /** Starts loading {@code catalog} on a daemon thread. */
  static void start(TemplateCatalog catalog, Clock clock) {
    Thread t = new Thread(() -> load(catalog, clock), "converter-template-prefetch");
    t.setDaemon(true);
    t.start();
  }

  private static void load(TemplateCatalog catalog, Clock clock) {
    try {
      catalog.current(clock.instant());
    } catch (IOException | RuntimeException e) {
      LOG.warn("loading the template store at init failed; the first record tries again", e);
    }
  }
}
