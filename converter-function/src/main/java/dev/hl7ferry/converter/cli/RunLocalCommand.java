package dev.hl7ferry.converter.cli;

import dev.hl7ferry.converter.config.FunctionSettings;
import dev.hl7ferry.converter.lambda.LocalFunctions;
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

  @Option(
      names = "--instances",
      defaultValue = "2",
      description =
          "Function instances handling batches at once, like Lambda's concurrency: batches of"
              + " different FIFO message groups run in parallel, one group's never"
              + " (default: ${DEFAULT-VALUE}).")
  int instances;

  @Override
  public Integer call() throws InterruptedException {
    if (instances < 1 || instances > 32) {
      System.err.println("run-local: --instances must be 1 to 32, was " + instances);
      return 2;
    }
    FunctionSettings settings = FunctionSettings.fromEnvironment(System.getenv());
    LocalFunctions.start(settings, queues, instances, 10).join();
    return 0;
  }
}
