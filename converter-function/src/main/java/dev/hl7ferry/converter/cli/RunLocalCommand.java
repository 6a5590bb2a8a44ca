package dev.hl7ferry.converter.cli;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.hl7ferry.converter.aws.LocalQueuePoller;
import dev.hl7ferry.converter.config.FunctionSettings;
import dev.hl7ferry.converter.lambda.ConverterComponent;
import dev.hl7ferry.converter.lambda.ConverterHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code run-local}: polls the (local) cloud's inbound queue, and any results queues named, and
 * runs the Lambda handler in this process. Configured like the function (FERRY_* environment
 * variables, see FunctionSettings).
 */
@Command(
    name = "run-local",
    mixinStandardHelpOptions = true,
    description = "Poll the inbound queue and invoke the converter handler in-process.")
final class RunLocalCommand implements Callable<Integer> {

  @Option(
      names = "--queue",
      defaultValue = "${env:FERRY_INBOUND_QUEUE:-hl7-ferry-inbound.fifo}",
      split = ",",
      description =
          "Queue name or URL to poll; repeat (or separate with commas) to poll several, e.g. the"
              + " inbound queue and hl7-ferry-results-{vendor} (default: ${DEFAULT-VALUE}).")
  List<String> queues;

  @Override
  public Integer call() throws InterruptedException {
    FunctionSettings settings = FunctionSettings.fromEnvironment(System.getenv());
    ConverterHandler function = new ConverterHandler(ConverterComponent.of(settings).batches());
    // One poller thread per queue, as Lambda runs one event source mapping per queue; one event
    // at a time through the handler, like one function instance.
    RequestHandler<SQSEvent, SQSBatchResponse> handler =
        (event, context) -> {
          synchronized (function) {
            return function.handleRequest(event, context);
          }
        };
    List<Thread> threads = new ArrayList<>();
    for (String queue : queues) {
      LocalQueuePoller poller = LocalQueuePoller.fromSettings(settings, queue, handler);
      Thread t = new Thread(poller::run, "poll-" + queue.substring(queue.lastIndexOf('/') + 1));
      t.start();
      threads.add(t);
    }
    for (Thread t : threads) {
      t.join();
    }
    return 0;
  }
}
