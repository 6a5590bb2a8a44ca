package dev.hl7ferry.converter.lambda;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Loads SQS event JSON fixtures (the shape Lambda delivers) into the events library's types. */
final class SqsEvents {
  private SqsEvents() {}

  static SQSEvent load(String resource) throws IOException {
    JsonNode root;
    try (InputStream in = SqsEvents.class.getResourceAsStream(resource)) {
      root = new ObjectMapper().readTree(in);
    }
    List<SQSEvent.SQSMessage> records = new ArrayList<>();
    for (JsonNode r : root.get("Records")) {
      SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
      m.setMessageId(r.get("messageId").asText());
      m.setReceiptHandle(r.get("receiptHandle").asText());
      m.setBody(r.get("body").asText());
      m.setEventSource(r.get("eventSource").asText());
      m.setEventSourceArn(r.get("eventSourceARN").asText());
      m.setAwsRegion(r.get("awsRegion").asText());
      Map<String, String> attributes = new LinkedHashMap<>();
      if (r.has("attributes")) {
        r.get("attributes")
            .fields()
            .forEachRemaining(a -> attributes.put(a.getKey(), a.getValue().asText()));
      }
      m.setAttributes(attributes);
      records.add(m);
    }
    SQSEvent event = new SQSEvent();
    event.setRecords(records);
    return event;
  }
}
