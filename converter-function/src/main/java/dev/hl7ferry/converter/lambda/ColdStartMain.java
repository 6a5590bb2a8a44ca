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
 * hands it one SQS event read from a JSON file, and prints the failures and the time from JVM start
 * to the event being handled.
 */
public final class ColdStartMain {
  private ColdStartMain() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: ColdStartMain SQS_EVENT_JSON");
      System.exit(2);
    }
    long t0 = System.nanoTime();
    SQSEvent event = read(Path.of(args[0]));
    ConverterHandler handler = new ConverterHandler();
    long t1 = System.nanoTime();
    SQSBatchResponse response = handler.handleRequest(event, null);
    long t2 = System.nanoTime();
    long startedAt = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
    long cpu = ProcessHandle.current().info().totalCpuDuration().map(d -> d.toMillis()).orElse(-1L);
    System.out.println(
        "cold start to first event handled: "
            + (System.currentTimeMillis() - startedAt)
            + " ms (init "
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
