package dev.hl7ferry.edge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hl7ferry.edge.TestMessages;
import dev.hl7ferry.edge.spool.SpoolEntry;
import dev.hl7ferry.edge.spool.SpoolSettings;
import dev.hl7ferry.edge.spool.SpoolView;
import dev.hl7ferry.edge.spool.SqliteSpool;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ferry-edge spool replay} on a stopped edge's spool. */
class ReplayCommandTest {
  @TempDir Path dataDir;

  private record Run(int exitCode, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = FerryEdge.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  /** Three entries received one millisecond apart from {@link TestMessages#RECEIVED}, shipped. */
  private void spoolThreeShipped() throws Exception {
    try (SqliteSpool spool = SqliteSpool.open(SpoolSettings.of(dataDir, 1L << 30, 1000))) {
      for (int i = 0; i < 3; i++) {
        spool.store(TestMessages.oru("NORTH", i, 300)).get();
      }
      List<Long> sequences = spool.unshipped(0, 10).stream().map(SpoolEntry::sequence).toList();
      spool.markShipped(sequences, Instant.now());
    }
  }

  @Test
  void entriesReceivedSinceTheTimeAreUnshippedAgainForTheNextRun() throws Exception {
    spoolThreeShipped();
    Instant since = TestMessages.RECEIVED.plusMillis(1);
    Run run = run("spool", "replay", "--since", since.toString(), "--data-dir", dataDir.toString());
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().startsWith("2 shipped entries received since " + since), run.out());
    try (SpoolView view = SpoolView.open(dataDir)) {
      assertEquals(2, view.stats().received());
      assertEquals(1, view.stats().shipped());
    }
  }

  @Test
  void replayingTwiceFindsNothingMoreToReset() throws Exception {
    spoolThreeShipped();
    String dir = dataDir.toString();
    assertEquals(
        0,
        run("spool", "replay", "--since", "2026-03-07", "--zone", "UTC", "--data-dir", dir)
            .exitCode());
    Run again = run("spool", "replay", "--since", "2026-03-07", "--zone", "UTC", "--data-dir", dir);
    assertTrue(again.out().startsWith("0 shipped entries"), again.out());
  }

  @Test
  void aDirectoryWithoutASpoolIsRefusedAndLeftAlone() {
    Path missing = dataDir.resolve("typo");
    Run run = run("spool", "replay", "--since", "2026-03-07", "--data-dir", missing.toString());
    assertEquals(1, run.exitCode());
    assertTrue(run.err().contains("cannot open spool"), run.err());
    assertFalse(Files.exists(missing), "no empty spool was created");
  }

  @Test
  void anUnreadableTimeIsAUsageError() throws Exception {
    spoolThreeShipped();
    Run run = run("spool", "replay", "--since", "last week", "--data-dir", dataDir.toString());
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("--since: 'last week' is not an ISO-8601"), run.err());
  }
}
