package dev.hl7ferry.converter.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.hl7ferry.converter.config.FunctionSettings;
import dev.hl7ferry.converter.dispatch.BatchItem;
import dev.hl7ferry.converter.dispatch.BatchProcessor;
import dev.hl7ferry.converter.result.ResultSource;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Lambda entry point: turns the SQS event into batch items, lets the dispatch core work, and
 * reports partial batch failures (needs {@code ReportBatchItemFailures} on the event source). The
 * queue name in each record's event source ARN tells inbound records from a vendor's results.
 */
public final class ConverterHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
  private final BatchProcessor batches;

  /** Used by the Lambda runtime: wires everything from the environment once per instance. */
  public ConverterHandler() {
    this(wired());
  }

  /**
   * Cold start on both cores: the core's classes warm up on one thread; the S3 client is built
   * first so the template store can load on another thread while this one builds the SQS client.
   * Under SnapStart ({@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}) the store is not loaded at
   * init, so the snapshot holds no connection and no template version older than the restore.
   */
  private static BatchProcessor wired() {
    Warmup.start();
    Map<String, String> env = System.getenv();
    ConverterComponent component = ConverterComponent.of(FunctionSettings.fromEnvironment(env));
    if (!"snap-start".equals(env.get("AWS_LAMBDA_INITIALIZATION_TYPE"))) {
      TemplatePrefetch.start(component.catalog(), Clock.systemUTC());
    }
    return component.batches();
  }

  /** Used by tests, the local runner and the cold-start main. */
  public ConverterHandler(BatchProcessor batches) {
    this.batches = batches;
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    List<SQSEvent.SQSMessage> records = event.getRecords() == null ? List.of() : event.getRecords();
    List<BatchItem> items = new ArrayList<>(records.size());
    boolean fifo = false;
    for (SQSEvent.SQSMessage m : records) {
      String group = m.getAttributes() == null ? "" : m.getAttributes().get("MessageGroupId");
      items.add(
          new BatchItem(
              m.getMessageId(), m.getBody(), ResultSource.queueName(m.getEventSourceArn()), group));
      fifo |= m.getEventSourceArn() != null && m.getEventSourceArn().endsWith(".fifo");
    }
    List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
    for (String id : batches.process(items, fifo)) {
      failures.add(new SQSBatchResponse.BatchItemFailure(id));
    }
    return new SQSBatchResponse(failures);
  }
}
