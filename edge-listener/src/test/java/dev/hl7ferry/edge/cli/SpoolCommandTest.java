package dev.hl7ferry.edge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hl7ferry.edge.spool.IncomingMessage;
import dev.hl7ferry.edge.spool.SpoolSettings;
import dev.hl7ferry.edge.spool.SqliteSpool;
import dev.hl7ferry.edge.spool.StoreResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SpoolCommandTest {
  private static final String PATIENT = "DOE^JANE";

  @TempDir Path dir;
  private SqliteSpool spool;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void openSpoolAsTheRunningEdgeWould() {
    spool = SqliteSpool.open(SpoolSettings.of(dir, Long.MAX_VALUE, Long.MAX_VALUE));
  }

  @AfterEach
  void closeSpool() {
    spool.close();
  }

  private String store(String controlId, String type) throws Exception {
    String text =
        "MSH|^~\\&|LAB|HOSP|FERRY|CLOUD|20261122||"
            + type
            + "|"
            + controlId
            + "|P|2.5\rPID|1||123||"
            + PATIENT
            + "\r";
    IncomingMessage message =
        new IncomingMessage(
            text.getBytes(StandardCharsets.UTF_8),
            "UTF-8",
            "LAB",
            "HOSP",
            "FERRY",
            "CLOUD",
            type,
            controlId,
            "P",
            "2.5",
            "127.0.0.1:1234",
            Instant.parse("2026-11-22T04:00:00Z"));
    StoreResult result = spool.store(message).get(10, TimeUnit.SECONDS);
    return result.id();
  }

  private int run(String... args) {
    CommandLine commandLine =
        new CommandLine(new SpoolCommand()).setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }

  @Test
  void statsCountsEntriesAndBytesByStateWhileTheSpoolIsInUse() throws Exception {
    String shipped = store("C1", "ADT^A01");
    store("C2", "ORU^R01");
    store("C3", "ORU^R01");
    spool.markShipped(
        List.of(spool.entry(shipped).orElseThrow().sequence()),
        Instant.parse("2026-11-22T04:30:00Z"));

    assertEquals(0, run("stats", "--data-dir", dir.toString()));

    String text = out.toString();
    assertTrue(text.matches("(?s).*RECEIVED\\s+2\\s+\\d+.*"), text);
    assertTrue(text.matches("(?s).*SHIPPED\\s+1\\s+\\d+.*"), text);
    assertTrue(text.matches("(?s).*TOTAL\\s+3\\s+\\d+.*"), text);
    assertTrue(text.contains("oldest unshipped: 2026-11-22T04:00:00Z"), text);
    assertTrue(text.contains("journal, not yet indexed: 0 "), text);
  }

  @Test
  void listPrintsOneLinePerEntryWithHeaderFactsAndNeverThePayload() throws Exception {
    String first = store("C1", "ADT^A01");
    String second = store("C2", "ORU^R01");

    assertEquals(0, run("list", "--data-dir", dir.toString()));

    List<String> lines = out.toString().lines().toList();
    assertEquals(3, lines.size(), out.toString());
    assertTrue(lines.get(0).startsWith("SEQ"));
    assertTrue(lines.get(1).contains(first), lines.get(1));
    assertTrue(lines.get(1).contains("C1"));
    assertTrue(lines.get(1).contains("ADT^A01"));
    assertTrue(lines.get(1).contains("RECEIVED"));
    assertTrue(lines.get(1).contains("2026-11-22T04:00:00Z"));
    assertTrue(lines.get(2).contains(second));
    assertFalse(out.toString().contains(PATIENT), "payload content printed");
    assertFalse(out.toString().contains("PID|"), "payload content printed");
  }

  @Test
  void listFiltersByStateAndPagesBySequence() throws Exception {
    String shipped = store("C1", "ADT^A01");
    store("C2", "ADT^A01");
    store("C3", "ADT^A01");
    spool.markShipped(List.of(spool.entry(shipped).orElseThrow().sequence()), Instant.now());

    assertEquals(
        0, run("list", "--data-dir", dir.toString(), "--state", "received", "--limit", "1"));
    List<String> lines = out.toString().lines().toList();
    assertEquals(2, lines.size(), out.toString());
    assertTrue(lines.get(1).contains("C2"));

    long sequence = Long.parseLong(lines.get(1).split("\\s+")[0]);
    out.getBuffer().setLength(0);
    assertEquals(0, run("list", "--data-dir", dir.toString(), "--after", String.valueOf(sequence)));
    lines = out.toString().lines().toList();
    assertEquals(2, lines.size(), out.toString());
    assertTrue(lines.get(1).contains("C3"));
  }

  @Test
  void statsWorkAfterTheEdgeStoppedToo() throws Exception {
    store("C1", "ADT^A01");
    spool.close();

    assertEquals(0, run("stats", "--data-dir", dir.toString()));

    assertTrue(out.toString().matches("(?s).*RECEIVED\\s+1\\s+\\d+.*"), out.toString());
  }

  @Test
  void missingSpoolIsReportedAndNotCreated() {
    Path empty = dir.resolve("nothing-here");

    assertEquals(SpoolCommand.UNREADABLE, run("stats", "--data-dir", empty.toString()));

    assertTrue(err.toString().contains("no spool database"), err.toString());
    assertFalse(Files.exists(empty));
  }

  @Test
  void spoolWithoutSubcommandAsksForOne() {
    assertEquals(2, run());

    assertTrue(err.toString().contains("list, stats, replay, retry or drop"), err.toString());
  }

  private long sequenceOf(String id) {
    return spool.entry(id).orElseThrow().sequence();
  }

  @Test
  void listShowsQuarantinedEntriesWithTheirReasonAndRetryBringsOneBack() throws Exception {
    store("C1", "ADT^A01");
    String refused = store("C2", "ADT^A01");
    spool.recordFailure(sequenceOf(refused), "HTTP 400 InvalidArgument");
    assertTrue(spool.quarantine(sequenceOf(refused), "refused 5 times: HTTP 400 InvalidArgument"));

    assertEquals(0, run("list", "--data-dir", dir.toString(), "--state", "quarantined"));
    List<String> lines = out.toString().lines().toList();
    assertEquals(2, lines.size(), out.toString());
    assertTrue(lines.get(1).contains(refused) && lines.get(1).contains("QUARANTINED"));
    assertTrue(lines.get(1).endsWith("refused 5 times: HTTP 400 InvalidArgument"), lines.get(1));

    assertEquals(0, run("retry", "--data-dir", dir.toString(), refused));
    assertTrue(out.toString().contains("released " + refused));
    assertEquals(0, spool.entry(refused).orElseThrow().attempts());
    assertEquals(SpoolCommand.NOT_FOUND, run("retry", "--data-dir", dir.toString(), refused));
    assertTrue(err.toString().contains("no quarantined entry " + refused), err.toString());
  }

  @Test
  void dropDeletesOnlyAQuarantinedEntry() throws Exception {
    String received = store("C1", "ADT^A01");
    String refused = store("C2", "ADT^A01");
    assertTrue(spool.quarantine(sequenceOf(refused), "refused 5 times: HTTP 400 InvalidArgument"));

    assertEquals(SpoolCommand.NOT_FOUND, run("drop", "--data-dir", dir.toString(), received));
    assertTrue(spool.entry(received).isPresent(), "a received entry is never dropped here");
    assertEquals(0, run("drop", "--data-dir", dir.toString(), refused));
    assertFalse(spool.entry(refused).isPresent());
  }
}
