package dev.hl7ferry.edge.spool;

/**
 * The spool's background threads: daemon threads that end only once their queued work is done. Code
 * running on one of them must never wait for another spool thread (see {@link #isSpoolThread}).
 */
public final class SpoolThreads {
  private static final ThreadLocal<Boolean> SPOOL_THREAD = ThreadLocal.withInitial(() -> false);

  private SpoolThreads() {}

  /** A daemon thread named {@code name} that counts as a spool thread. */
  public static Thread newThread(Runnable body, String name) {
    Thread thread =
        new Thread(
            () -> {
              SPOOL_THREAD.set(true);
              body.run();
            },
            name);
    thread.setDaemon(true);
    return thread;
  }

  /** Whether the caller runs on a spool thread (where store callbacks run without an executor). */
  public static boolean isSpoolThread() {
    return SPOOL_THREAD.get();
  }

  /**
   * Waits until {@code thread} ended. An interrupt of the caller does not cut the wait short (the
   * thread may still hold committed results to release) but is kept for the caller to see.
   */
  public static void awaitEnd(Thread thread) {
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
