package dev.hl7ferry.edge.spool;

/** The spool's background threads end only once their queued work is done; this waits for that. */
final class SpoolThreads {
  private SpoolThreads() {}

  /**
   * Waits until {@code thread} ended. An interrupt of the caller does not cut the wait short (the
   * thread may still hold committed results to release) but is kept for the caller to see.
   */
  static void awaitEnd(Thread thread) {
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
