package dev.hl7ferry.converter.lambda;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures a cold start: builds the handler the way the Lambda runtime does (from the environment),
 * reads one SQS event from a JSON file (the runtime's part), hands it to the handler, and prints
 * the wall-clock instant the event was handled, so a launcher can take the time from process
 * launch, plus the split into init and first event.
 */
public final class ColdStartMain {
  private ColdStartMain() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: ColdStartMain SQS_EVENT_JSON");
      System.exit(2);
    }
    long t0 = System.nanoTime();
    // The Lambda runtime's order: construct the handler (init), then fetch and read the event.
    ConverterHandler handler = new ConverterHandler();
    SQSEvent event = read(Path.of(args[0]));
    long t1 = System.nanoTime();
    SQSBatchResponse response = handler.handleRequest(event, null);
    long t2 = System.nanoTime();
    long handledAt = System.currentTimeMillis();
    long cpu = ProcessHandle.current().info().totalCpuDuration().map(d -> d.toMillis()).orElse(-1L);
    System.out.println(
        "cold start: handled at epoch ms "
            + handledAt
            + " (main to event ready "
            + (t1 - t0) / 1_000_000
            + " ms, first event "
            + (t2 - t1) / 1_000_000
            + " ms, process CPU "
            + cpu
            + " ms); failures: "
            + response.getBatchItemFailures().size());
  }

  private static SQSEvent read(Path file) throws IOException {
    JsonNode root = new ObjectMapper().readTree(Files.readString(file));
    List<SQSEvent.SQSMessage> records = new ArrayList<>();
    for (JsonNode r : root.get("Records")) {
      SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
      m.setMessageId(r.get("messageId").asText());
      m.setBody(r.get("body").asText());
      m.setEventSourceArn(r.path("eventSourceARN").asText(""));
      records.add(m);
    }
    SQSEvent event = new SQSEvent();
    event.setRecords(records);
    return event;
  }
}
