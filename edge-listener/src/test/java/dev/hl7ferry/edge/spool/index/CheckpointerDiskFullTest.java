package dev.hl7ferry.edge.spool.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.hl7ferry.edge.retry.Backoff;
import dev.hl7ferry.edge.spool.SmallDisk;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The checkpointer on a file system that is really full (a 2 MiB tmpfs filled with a file until
 * ENOSPC; needs root to mount, skipped otherwise): its failures are logged as the first and every
 * 20th, not each one, and one line says when it works again once space is freed.
 */
class CheckpointerDiskFullTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path temp;
  private SmallDisk disk;
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private final Logger logger = (Logger) LoggerFactory.getLogger(Checkpointer.class);

  @BeforeEach
  void mountSmallDisk() throws Exception {
    String whyNot = SmallDisk.whyNot();
    assumeTrue(whyNot == null, whyNot);
    disk = SmallDisk.mount(temp.resolve("disk"), 2);
    assertNotNull(disk, "mounting a tmpfs as root failed");
    logged.start();
    logger.addAppender(logged);
  }

  @AfterEach
  void unmount() throws Exception {
    logger.detachAppender(logged);
    if (disk != null) {
      disk.close();
    }
  }

  @Test
  void aFullDiskLogsTheFirstAndEveryTwentiethFailureThenOneLineWhenItWorksAgain() throws Exception {
    Path dataDir = disk.root().resolve("spool");
    try (Connection writer = SpoolDatabase.openWriter(dataDir)) {
      // ~400 KiB of committed pages in the WAL only (the writer never checkpoints itself).
      try (Statement s = writer.createStatement()) {
        s.execute("CREATE TABLE ballast (b BLOB)");
      }
      try (PreparedStatement insert = writer.prepareStatement("INSERT INTO ballast VALUES (?)")) {
        for (int i = 0; i < 100; i++) {
          insert.setBytes(1, new byte[4000]);
          insert.executeUpdate();
        }
      }
      disk.fill();
      Checkpointer checkpointer =
          Checkpointer.open(
              dataDir, () -> 1, Backoff.steady(Duration.ofMillis(1), Duration.ofMillis(2)));
      try {
        checkpointer.start();
        await(lines -> lines.size() >= 3, "three failure lines");
        assertEquals(
            List.of(
                "spool checkpoint failed (1 in a row), next try in 1 ms",
                "spool checkpoint failed (20 in a row), next try in 2 ms",
                "spool checkpoint failed (40 in a row), next try in 2 ms"),
            messages().subList(0, 3));
        String cause = logged.list.get(0).getThrowableProxy().getMessage();
        assertTrue(cause.contains("SQLITE_FULL"), cause);

        disk.free();
        await(
            lines -> lines.stream().anyMatch(l -> l.getLevel() == Level.INFO),
            "the line that it works again");
        List<String> again = messages().stream().filter(m -> m.contains("works again")).toList();
        assertEquals(1, again.size(), messages() + "");
        assertTrue(again.get(0).startsWith("spool checkpoint works again after "), again.get(0));
        long copied = Files.size(dataDir.resolve(SpoolDatabase.FILE_NAME));
        assertTrue(copied > 400_000, "the WAL was copied into the database: " + copied);
      } finally {
        checkpointer.close();
      }
    }
  }

  private List<String> messages() {
    return List.copyOf(logged.list).stream().map(ILoggingEvent::getFormattedMessage).toList();
  }

  private void await(Predicate<List<ILoggingEvent>> condition, String what) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.test(List.copyOf(logged.list))) {
      assertTrue(
          System.nanoTime() < deadline, "no " + what + " within " + WAIT + ": " + messages());
      Thread.sleep(10);
    }
  }
}
