package dev.hl7ferry.edge.spool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hl7ferry.edge.TestMessages;
import dev.hl7ferry.edge.spool.index.SpoolDatabase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a JVM that is storing messages (SIGKILL, mid-stream, at a random moment) and proves that
 * every entry whose future had completed is in the reopened spool exactly once. Two rounds, so the
 * second child also recovers the journal and the WAL the first one left behind. While a child
 * writes, a read-only {@link SpoolView} (what {@code ferry-edge spool} uses) reads the same spool
 * from this process.
 */
class SpoolCrashTest {
  private static final int PRODUCERS = 8;
  private static final int WINDOW = 4;
  private static final int STORES_BEFORE_KILL = 2_000;

  @TempDir Path dir;

  @Test
  void everyCompletedStoreSurvivesSigkillExactlyOnce() throws Exception {
    Map<String, String> acknowledged = new HashMap<>();
    for (int round = 1; round <= 2; round++) {
      acknowledged.putAll(runAndKill("r" + round));
      // Before any restart, the spool command accounts for every acknowledged message: in the
      // index, or in the journal waiting for the next start.
      try (SpoolView view = SpoolView.open(dir)) {
        long held = view.stats().total() + view.notYetIndexed();
        assertTrue(held >= acknowledged.size(), held + " held, " + acknowledged.size() + " acked");
      }
    }

    Map<String, Integer> copies = new HashMap<>();
    Map<String, String> idByControlId = new HashMap<>();
    try (SqliteSpool spool =
        SqliteSpool.open(SpoolSettings.of(dir, Long.MAX_VALUE, Long.MAX_VALUE))) {
      long after = 0;
      for (List<EntrySummary> page = spool.list(after, 10_000);
          !page.isEmpty();
          page = spool.list(after, 10_000)) {
        for (EntrySummary entry : page) {
          copies.merge(entry.controlId(), 1, Integer::sum);
          idByControlId.put(entry.controlId(), entry.id());
        }
        after = page.get(page.size() - 1).sequence();
      }
      assertEquals(copies.size(), spool.stats().received());
      // Every payload reads back from the journal intact (CRC and sequence checked).
      long payloadsChecked = 0;
      after = 0;
      for (List<SpoolEntry> page = spool.unshipped(after, 5_000);
          !page.isEmpty();
          page = spool.unshipped(after, 5_000)) {
        for (SpoolEntry entry : page) {
          assertArrayEquals(
              TestMessages.message(entry.message().controlId()).payload(),
              entry.message().payload());
          payloadsChecked++;
        }
        after = page.get(page.size() - 1).sequence();
      }
      assertEquals(copies.size(), payloadsChecked);
    }
    assertTrue(acknowledged.size() >= 2 * STORES_BEFORE_KILL, "stored " + acknowledged.size());
    acknowledged.forEach(
        (controlId, id) -> {
          assertEquals(1, copies.getOrDefault(controlId, 0), "copies of control id " + controlId);
          assertEquals(id, idByControlId.get(controlId), "id of control id " + controlId);
        });
    assertEquals("ok", integrityCheck());
  }

  /** Runs a child until it reported enough stores, SIGKILLs it, returns control id to id. */
  private Map<String, String> runAndKill(String round) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Process child =
        new ProcessBuilder(
                java,
                "-cp",
                classpath,
                SpoolCrashChild.class.getName(),
                dir.toString(),
                round,
                String.valueOf(PRODUCERS),
                String.valueOf(WINDOW))
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> readLines(child, lines), "crash-child-reader");
    reader.start();

    List<String> seen = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (countStored(seen) < STORES_BEFORE_KILL && System.nanoTime() < deadline) {
      String line = lines.poll(100, TimeUnit.MILLISECONDS);
      if (line != null) {
        seen.add(line);
      }
      assertTrue(child.isAlive() || !lines.isEmpty(), "child died by itself: " + seen);
    }
    // The spool command's read-only view works beside the writing process (WAL); it sees what
    // the index holds, a few milliseconds behind the journal.
    try (SpoolView view = SpoolView.open(dir)) {
      long indexDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (view.stats().received() < countStored(seen) && System.nanoTime() < indexDeadline) {
        Thread.sleep(10);
      }
      assertTrue(view.stats().received() >= countStored(seen), "view sees indexed entries");
    }
    // Kill at a random moment mid-stream, not right after a line was read.
    Thread.sleep(ThreadLocalRandom.current().nextInt(0, 50));
    child.destroyForcibly();
    assertTrue(child.waitFor(30, TimeUnit.SECONDS));
    reader.join(TimeUnit.SECONDS.toMillis(30));
    lines.drainTo(seen);

    Map<String, String> stored = new HashMap<>();
    for (String line : seen) {
      String[] parts = line.split(" ");
      // A line cut by the kill lacks its final "." and proves nothing: skip it.
      if (parts.length == 4 && parts[0].equals("STORED") && parts[3].equals(".")) {
        stored.put(parts[2], parts[1]);
      }
    }
    assertTrue(stored.size() >= STORES_BEFORE_KILL, round + " stored only " + stored.size());
    return stored;
  }

  private static long countStored(List<String> lines) {
    return lines.stream().filter(line -> line.startsWith("STORED ")).count();
  }

  private static void readLines(Process child, BlockingQueue<String> lines) {
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lines.add(line);
      }
    } catch (IOException e) {
      lines.add("READ FAILED " + e);
    }
  }

  private String integrityCheck() throws Exception {
    try (Connection connection =
            DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SpoolDatabase.FILE_NAME));
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("PRAGMA integrity_check")) {
      result.next();
      return result.getString(1);
    }
  }
}
