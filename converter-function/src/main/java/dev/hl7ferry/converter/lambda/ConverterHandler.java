package dev.hl7ferry.converter.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.hl7ferry.converter.config.FunctionSettings;
import dev.hl7ferry.converter.dispatch.BatchItem;
import dev.hl7ferry.converter.dispatch.BatchProcessor;
import java.util.ArrayList;
import java.util.List;

/**
 * The Lambda entry point: turns the SQS event into batch items, lets the dispatch core work, and
 * reports partial batch failures (needs {@code ReportBatchItemFailures} on the event source).
 */
public final class ConverterHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
  private final BatchProcessor batches;

  /** Used by the Lambda runtime: wires everything from the environment once per instance. */
  public ConverterHandler() {
    this(wired());
  }

  private static BatchProcessor wired() {
    Warmup.start();
    return ConverterComponent.of(FunctionSettings.fromEnvironment(System.getenv())).batches();
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
      items.add(new BatchItem(m.getMessageId(), m.getBody()));
      fifo |= m.getEventSourceArn() != null && m.getEventSourceArn().endsWith(".fifo");
    }
    List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
    for (String id : batches.process(items, fifo)) {
      failures.add(new SQSBatchResponse.BatchItemFailure(id));
    }
    return new SQSBatchResponse(failures);
  }
}
