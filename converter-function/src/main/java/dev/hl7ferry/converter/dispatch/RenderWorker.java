package dev.hl7ferry.converter.dispatch;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one record's routing and rendering on a worker thread under a time limit. A render that
 * overruns is interrupted and abandoned (liqp never checks for interrupts; its iteration and output
 * caps end it eventually) and the record fails; so does any {@link Error} thrown on the worker,
 * which would otherwise end the whole batch. Worker threads are daemons with a stack of their own
 * size, reused while idle.
 */
final class RenderWorker {
  /** Deep enough for every real template; an include cycle overflows it within milliseconds. */
  private static final long STACK_BYTES = 4L * 1024 * 1024;

  private static final AtomicInteger THREADS = new AtomicInteger();
  private static final ExecutorService WORKERS =
      Executors.newCachedThreadPool(
          r -> {
            Thread t =
                new Thread(null, r, "ferry-render-" + THREADS.incrementAndGet(), STACK_BYTES);
            t.setDaemon(true);
            return t;
          });

  private final Duration timeout;

  RenderWorker(Duration timeout) {
    this.timeout = timeout;
  }

  /** What {@code work} returned, or the exception it threw; fails on overrun or on an Error. */
  <T> T call(Callable<T> work) throws Exception {
    Future<T> future = WORKERS.submit(work);
    try {
      return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new RecordFailure(
          "render time limit exceeded (" + timeout.toMillis() + " ms, FERRY_RENDER_TIMEOUT)",
          null,
          e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception thrown) {
        throw thrown;
      }
      throw new RecordFailure(
          "render failed (" + cause.getClass().getSimpleName() + ")", null, cause);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new RecordFailure("interrupted while rendering", null, e);
    }
  }
}
