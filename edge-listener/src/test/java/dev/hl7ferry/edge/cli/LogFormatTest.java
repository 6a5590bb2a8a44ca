package dev.hl7ferry.edge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/** The shipped logback.xml (not the tests' one), configured into a context of its own. */
class LogFormatTest {

  /** Lines the shipped configuration writes for one INFO event, with FERRY_LOG_FORMAT as given. */
  private static List<String> logOneLine(String format) throws Exception {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.err;
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new LogbackMDCAdapter());
    try {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      if (format != null) {
        context.putProperty("FERRY_LOG_FORMAT", format);
      }
      JoranConfigurator configurator = new JoranConfigurator();
      configurator.setContext(context);
      configurator.doConfigure(LogFormatTest.class.getResource("/logback.xml"));
      Logger log = context.getLogger("dev.hl7ferry.edge.connection.ConnectionLog");
      log.info("connection opened peer={} id={}", "/10.1.2.3:40000", "c0ffee");
    } finally {
      context.stop();
      System.setErr(original);
    }
    return captured.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void jsonFormatWritesOneJsonObjectPerLineWithLevelLoggerAndMessage() throws Exception {
    List<String> lines = logOneLine("json");
    assertEquals(1, lines.size(), lines.toString());
    JsonNode event = new ObjectMapper().readTree(lines.get(0));
    assertEquals("INFO", event.get("level").asText());
    assertEquals("dev.hl7ferry.edge.connection.ConnectionLog", event.get("loggerName").asText());
    assertEquals("connection opened peer={} id={}", event.get("message").asText());
    assertEquals(
        "connection opened peer=/10.1.2.3:40000 id=c0ffee", event.get("formattedMessage").asText());
    assertTrue(event.get("timestamp").asLong() > 0);
  }

  @Test
  void theDefaultStaysAReadableLine() throws Exception {
    List<String> lines = logOneLine(null);
    assertEquals(1, lines.size(), lines.toString());
    String line = lines.get(0);
    assertTrue(
        line.endsWith(
            "INFO  [main] ConnectionLog - connection opened peer=/10.1.2.3:40000 id=c0ffee"),
        line);
    assertFalse(line.startsWith("{"), line);
  }

  @Test
  void anUnknownFormatFallsBackToTextWithAWarningInsteadOfSilence() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream stream = new PrintStream(err, true, StandardCharsets.UTF_8);
    assertEquals("json", LogFormat.choose("JSON", stream));
    assertEquals("text", LogFormat.choose(null, stream));
    assertEquals("", err.toString(StandardCharsets.UTF_8));
    assertEquals("text", LogFormat.choose("logfmt", stream));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("FERRY_LOG_FORMAT=logfmt"));
  }
}
