package dev.hl7ferry.e2e.chaos;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** Samples the edge's resident set size every 100 ms (whichever edge process is current). */
final class RssPeak implements AutoCloseable {
  private final AtomicLong peak = new AtomicLong();
  private final AtomicBoolean stop = new AtomicBoolean();
  private final Thread thread;

  RssPeak(Stack stack) {
    thread =
        new Thread(
            () -> {
              while (!stop.get()) {
                peak.accumulateAndGet(stack.edge().rssBytes(), Math::max);
                try {
                  Thread.sleep(100);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "rss-peak");
    thread.setDaemon(true);
    thread.start();
  }

  long peakMb() {
    return peak.get() / (1024 * 1024);
  }

  @Override
  public void close() throws InterruptedException {
    stop.set(true);
    thread.join();
  }
}
