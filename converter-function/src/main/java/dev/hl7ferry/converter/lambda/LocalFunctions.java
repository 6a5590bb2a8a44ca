package dev.hl7ferry.converter.lambda;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.hl7ferry.converter.aws.LocalQueuePoller;
import dev.hl7ferry.converter.config.FunctionSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * The function run locally as Lambda runs it: {@code instances} function instances, each handling
 * one batch at a time, and per instance one poller thread per queue (Lambda's event source mapping
 * hands batches of a FIFO queue's different message groups to different instances at once, never
 * two batches of one group). Used by {@code ferry-convert run-local} and the whole-product tests.
 */
public final class LocalFunctions implements AutoCloseable {
  private final List<LocalQueuePoller> pollers = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean stopping;

  private LocalFunctions() {}

  /**
   * Starts polling {@code queues} (names or URLs) with handlers wired from {@code settings}; each
   * receive waits up to {@code waitSeconds}, so {@link #close} returns within about that long.
   */
  public static LocalFunctions start(
      FunctionSettings settings, List<String> queues, int instances, int waitSeconds) {
    LocalFunctions functions = new LocalFunctions();
    for (int i = 0; i < instances; i++) {
      ConverterHandler function = new ConverterHandler(ConverterComponent.of(settings).batches());
      RequestHandler<SQSEvent, SQSBatchResponse> oneAtATime =
          (event, context) -> {
            synchronized (function) {
              return function.handleRequest(event, context);
            }
          };
      for (String queue : queues) {
        LocalQueuePoller poller = LocalQueuePoller.fromSettings(settings, queue, oneAtATime);
        String name = "poll-" + queue.substring(queue.lastIndexOf('/') + 1) + "-" + i;
        Thread thread = new Thread(() -> poller.run(waitSeconds, () -> functions.stopping), name);
        thread.setDaemon(true);
        functions.pollers.add(poller);
        functions.threads.add(thread);
      }
    }
    functions.threads.forEach(Thread::start);
    return functions;
  }

  /** Waits until every poller has stopped. */
  public void join() throws InterruptedException {
    for (Thread thread : threads) {
      thread.join();
    }
  }

  /** Stops polling (a receive in progress ends within its wait time) and closes the clients. */
  @Override
  public void close() {
    stopping = true;
    for (Thread thread : threads) {
      try {
        thread.join(15_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    pollers.forEach(LocalQueuePoller::close);
  }
}
