package dev.hl7ferry.converter.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LogConfigTest {
  private final LoggerContext context = new LoggerContext();

  LogConfigTest() {
    context.setMDCAdapter(new LogbackMDCAdapter());
  }

  private String encode(String format) {
    ILoggingEvent event =
        new LoggingEvent(
            LogConfigTest.class.getName(),
            context.getLogger("dev.hl7ferry.converter.Convert"),
            Level.INFO,
            "converted {} outputs",
            null,
            new Object[] {3});
    return new String(LogConfig.encoder(format, context).encode(event), StandardCharsets.UTF_8);
  }

  @Test
  void jsonFormatGivesAJsonLineWithLevelLoggerAndMessage() throws Exception {
    String line = encode("json");
    assertTrue(line.endsWith("\n") && line.indexOf('\n') == line.length() - 1, line);
    JsonNode event = new ObjectMapper().readTree(line);
    assertEquals("INFO", event.get("level").asText());
    assertEquals("dev.hl7ferry.converter.Convert", event.get("loggerName").asText());
    assertEquals("converted {} outputs", event.get("message").asText());
    assertEquals("converted 3 outputs", event.get("formattedMessage").asText());
  }

  @Test
  void withoutTheVariableTheLineStaysReadable() {
    assertTrue(
        encode(null).endsWith("INFO  dev.hl7ferry.converter.Convert - converted 3 outputs\n"));
  }
}
