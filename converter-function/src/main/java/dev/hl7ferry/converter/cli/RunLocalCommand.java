package dev.hl7ferry.converter.cli;

import dev.hl7ferry.converter.aws.LocalQueuePoller;
import dev.hl7ferry.converter.config.FunctionSettings;
import dev.hl7ferry.converter.lambda.ConverterComponent;
import dev.hl7ferry.converter.lambda.ConverterHandler;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code run-local}: polls the (local) cloud's inbound queue and runs the Lambda handler in this
 * process. Configured like the function (FERRY_* environment variables, see FunctionSettings).
 */
@Command(
    name = "run-local",
    mixinStandardHelpOptions = true,
    description = "Poll the inbound queue and invoke the converter handler in-process.")
final class RunLocalCommand implements Callable<Integer> {

  @Option(
      names = "--queue",
      defaultValue = "${env:FERRY_INBOUND_QUEUE:-hl7-ferry-inbound.fifo}",
      description = "Inbound queue name or URL (default: ${DEFAULT-VALUE}).")
  String queue;

  @Override
  public Integer call() {
    FunctionSettings settings = FunctionSettings.fromEnvironment(System.getenv());
    ConverterHandler handler = new ConverterHandler(ConverterComponent.of(settings).batches());
    LocalQueuePoller.fromSettings(settings, queue, handler).run();
    return 0;
  }
}
