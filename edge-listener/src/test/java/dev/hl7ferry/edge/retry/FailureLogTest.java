package dev.hl7ferry.edge.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A lasting failure costs a line now and then, and its end one line. */
class FailureLogTest {
  private final Logger logger = (Logger) LoggerFactory.getLogger(FailureLogTest.class);
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private final Backoff backoff = Backoff.steady(Duration.ofMillis(100), Duration.ofSeconds(3));
  private final FailureLog failures = new FailureLog(logger, "writing");

  @BeforeEach
  void capture() {
    logged.start();
    logger.addAppender(logged);
  }

  @AfterEach
  void release() {
    logger.detachAppender(logged);
  }

  @Test
  void aLastingFailureLogsTheFirstAndEveryTwentiethWithItsCause() {
    IOException full = new IOException("No space left on device");
    for (int i = 0; i < 45; i++) {
      failures.failed(full, backoff);
    }

    List<ILoggingEvent> lines = logged.list;
    assertEquals(3, lines.size());
    assertEquals(
        List.of(
            "writing failed (1 in a row), next try in 100 ms",
            "writing failed (20 in a row), next try in 3000 ms",
            "writing failed (40 in a row), next try in 3000 ms"),
        lines.stream().map(ILoggingEvent::getFormattedMessage).toList());
    lines.forEach(line -> assertEquals(Level.WARN, line.getLevel()));
    assertSame(full.getMessage(), lines.get(0).getThrowableProxy().getMessage());
    assertEquals(45, failures.failures());
  }

  @Test
  void theFailedCountGivesTheBackoffDelay() {
    assertEquals(100, failures.failed(new IOException(), backoff).toMillis());
    assertEquals(200, failures.failed(new IOException(), backoff).toMillis());
    assertEquals(400, failures.failed(new IOException(), backoff).toMillis());
  }

  @Test
  void countTellsWhichFailuresAStepWithItsOwnLineShouldLog() {
    StringBuilder due = new StringBuilder();
    for (int i = 1; i <= 41; i++) {
      if (failures.count()) {
        due.append(failures.failures()).append(' ');
      }
    }
    assertEquals("1 20 40 ", due.toString());
    assertEquals(List.of(), logged.list);
  }

  @Test
  void theFirstSuccessAfterFailuresIsLoggedOnceAndTheCountStartsOver() {
    failures.worked();
    failures.failed(new IOException(), backoff);
    failures.failed(new IOException(), backoff);
    failures.worked();
    failures.worked();
    failures.failed(new IOException(), backoff);

    assertEquals(
        List.of(
            "writing failed (1 in a row), next try in 100 ms",
            "writing works again after 2 failed rounds",
            "writing failed (1 in a row), next try in 100 ms"),
        logged.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
    assertEquals(Level.INFO, logged.list.get(1).getLevel());
    assertEquals(1, failures.failures());
  }
}
