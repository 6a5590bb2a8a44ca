package dev.hl7ferry.edge.spool.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.hl7ferry.edge.retry.Backoff;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
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
  private Path disk;
  private boolean mounted;
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private final Logger logger = (Logger) LoggerFactory.getLogger(Checkpointer.class);

  @BeforeEach
  void mountSmallDisk() throws Exception {
    disk = temp.resolve("disk");
    Files.createDirectories(disk);
    assumeTrue(run("id", "-u").strip().equals("0"), "needs root to mount a tmpfs");
    String out = run("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", disk.toString());
    mounted = Files.readString(Path.of("/proc/self/mounts")).contains(" " + disk + " tmpfs ");
    assumeTrue(mounted, "mount failed: " + out.strip());
    logged.start();
    logger.addAppender(logged);
  }

  @AfterEach
  void unmount() throws Exception {
    logger.detachAppender(logged);
    if (mounted) {
      run("umount", disk.toString());
    }
  }

  @Test
  void aFullDiskLogsTheFirstAndEveryTwentiethFailureThenOneLineWhenItWorksAgain() throws Exception {
    Path dataDir = disk.resolve("spool");
    Path filler = disk.resolve("filler");
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
      fill(filler);
      Checkpointer checkpointer =
          Checkpointer.open(
              dataDir, () -> 1, Backoff.steady(Duration.ofMillis(1), Duration.ofMillis(2)));
      try {
        checkpointer.start();
        await(lines -> lines.size() >= 3, "three failure lines");
        List<String> failed = messages();
        assertEquals(
            "spool checkpoint failed (1 in a row), next try in 1 ms", failed.get(0), failed + "");
        assertEquals(
            "spool checkpoint failed (20 in a row), next try in 2 ms", failed.get(1), failed + "");
        assertEquals(
            "spool checkpoint failed (40 in a row), next try in 2 ms", failed.get(2), failed + "");
        assertTrue(
            logged.list.get(0).getThrowableProxy().getMessage().contains("SQLITE_FULL"),
            logged.list.get(0).getThrowableProxy().getMessage());

        Files.delete(filler);
        await(
            lines -> lines.stream().anyMatch(l -> l.getLevel() == Level.INFO),
            "the line that it works again");
        List<String> after = messages().stream().filter(m -> m.contains("works again")).toList();
        assertEquals(1, after.size(), messages() + "");
        assertTrue(after.get(0).startsWith("spool checkpoint works again after "), after.get(0));
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

  private static void fill(Path filler) throws IOException {
    byte[] block = new byte[4096];
    try (OutputStream out = Files.newOutputStream(filler)) {
      while (true) {
        out.write(block);
        out.flush();
      }
    } catch (IOException e) {
      if (!String.valueOf(e.getMessage()).contains("No space left")) {
        throw e;
      }
    }
  }

  private static String run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return out;
  }
}
