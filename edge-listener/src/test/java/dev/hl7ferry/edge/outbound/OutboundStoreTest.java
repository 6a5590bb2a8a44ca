package dev.hl7ferry.edge.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hl7ferry.contract.envelope.OutboundEnvelope;
import dev.hl7ferry.contract.envelope.PayloadDigest;
import dev.hl7ferry.edge.cli.FerryEdge;
import dev.hl7ferry.edge.deliver.DeliveryOutcome;
import dev.hl7ferry.edge.deliver.DeliveryResult;
import dev.hl7ferry.edge.deliver.Output;
import dev.hl7ferry.edge.deliver.PendingOutput;
import dev.hl7ferry.edge.spool.IncomingMessage;
import dev.hl7ferry.edge.spool.SpoolSettings;
import dev.hl7ferry.edge.spool.SqliteSpool;
import dev.hl7ferry.edge.spool.StoreOutcome;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The outbound store on real spools, and {@code ferry-edge outbound} beside it: lines per
 * destination, redelivery kept once, attempts kept, dead letters retried from behind the line.
 */
class OutboundStoreTest {
  @TempDir Path dir;

  private SqliteSpool outputs;
  private ReceiptBook receipts;
  private OutboundStore store;

  @BeforeEach
  void open() {
    outputs = SqliteSpool.open(SpoolSettings.of(dir.resolve("outbound"), 1 << 30, 1_000_000));
    receipts =
        new ReceiptBook(
            SqliteSpool.open(SpoolSettings.of(dir.resolve("receipts"), 1 << 30, 1_000_000)));
    store = open(Set.of("lis", "ris"), Clock.systemUTC());
  }

  /** A store that records each ending before the next output goes (the bound at its lowest). */
  private OutboundStore open(Set<String> destinations, Clock clock) {
    if (store != null) {
      store.close();
    }
    return new OutboundStore(outputs, receipts, "north", destinations, clock, 1);
  }

  @AfterEach
  void close() {
    store.close();
    outputs.close();
    receipts.close();
  }

  @Test
  void eachDestinationReadsItsOwnLineAndARedeliveryIsKeptOnce() throws Exception {
    var results =
        store.storeAll(
            List.of(
                output("e1", "lis", "L1"), output("e2", "ris", "R1"), output("e3", "lis", "L2")));
    assertEquals(3, results.size());
    assertEquals(
        StoreOutcome.DUPLICATE,
        store.storeAll(List.of(output("e1", "lis", "L1"))).get(0).outcome());
    assertEquals("L1", next("lis").output().controlId());
    assertEquals("R1", next("ris").output().controlId());
  }

  @Test
  void attemptsAndApplicationErrorsSurviveAReopen() throws Exception {
    store.storeAll(List.of(output("e1", "lis", "L1")));
    PendingOutput first = next("lis");
    store.recordAttempt(first.output(), result(DeliveryOutcome.APPLICATION_ERROR, "AE"));
    store.recordAttempt(first.output(), result(DeliveryOutcome.TRANSIENT_FAILURE, "AR"));
    store = open(Set.of("lis"), Clock.systemUTC());
    PendingOutput again = next("lis");
    assertEquals(first.output().id(), again.output().id());
    assertEquals(2, again.attempts());
    assertEquals(1, again.applicationErrors());
  }

  @Test
  void deliveredOutputsAndSentReceiptsArePrunedAfterTheRetentionOnly() throws Exception {
    Instant past = Instant.now().minus(Duration.ofHours(3));
    store = open(Set.of("lis"), Clock.fixed(past, java.time.ZoneOffset.UTC));
    store.storeAll(List.of(output("e1", "lis", "L1"), output("e2", "lis", "L2")));
    PendingOutput old = next("lis");
    store.markDelivered(old.output(), result(DeliveryOutcome.DELIVERED, "AA"));
    receipts.markSent(
        receipts.unsent(10).stream().map(dev.hl7ferry.edge.spool.SpoolEntry::sequence).toList(),
        past);
    PendingOutput pending = next("lis");

    assertEquals(0, store.prune(past.minus(Duration.ofHours(1))));
    assertEquals(2, store.prune(Instant.now().minus(Duration.ofHours(1)))); // output + receipt
    assertEquals(1, outputs.stats().received());
    assertEquals(0, outputs.stats().shipped());
    assertEquals(pending.output().id(), next("lis").output().id());
  }

  @Test
  void theCommandListsRetriesAndDropsBesideTheOpenStore() throws Exception {
    store.storeAll(
        List.of(
            output("e1", "lis", "L1"),
            output("e2", "lis", "L2"),
            output("e3", "ris", "R1"),
            output("e4", "pacs", "P1"),
            OutboundEntries.setAside(
                "{not json".getBytes(StandardCharsets.UTF_8),
                "lis",
                "e5",
                "north",
                "unreadable envelope: not valid JSON",
                "m5",
                Instant.now())));
    PendingOutput l1 = next("lis");
    store.markDelivered(l1.output(), result(DeliveryOutcome.DELIVERED, "AA"));
    PendingOutput l2 = next("lis");
    store.deadLetter(
        l2.output(), "application error 1 of 1", result(DeliveryOutcome.APPLICATION_ERROR, "AE"));
    assertEquals(java.util.Optional.empty(), store.next("lis", Duration.ofMillis(100)));

    String stats = run(0, "outbound", "stats", "--data-dir", dir.toString());
    assertTrue(stats.matches("(?s).*PENDING\\s+1\\s.*DELIVERED\\s+1\\s.*DEAD\\s+3\\s.*"), stats);
    assertTrue(stats.contains("receipts: 3 to send"), stats); // delivered, dead, unknown pacs
    String ris = run(0, "outbound", "list", "--data-dir", dir.toString(), "--destination", "ris");
    assertEquals(2, ris.lines().count(), ris);
    String dead = run(0, "outbound", "list", "--data-dir", dir.toString(), "--state", "dead");
    assertTrue(dead.contains("unknown destination pacs"), dead);
    assertTrue(dead.contains("last MSA-1 AE"), dead);
    assertTrue(dead.contains("unreadable envelope: not valid JSON"), dead);

    run(0, "outbound", "retry", "--data-dir", dir.toString(), "--destination", "lis");
    // The retried dead letter comes back from behind the line (the set-aside one is skipped).
    assertEquals(l2.output().id(), next("lis").output().id());

    String pacsId =
        dead.lines().filter(l -> l.contains("pacs")).findFirst().orElseThrow().split("\\s+")[1];
    run(0, "outbound", "drop", "--data-dir", dir.toString(), pacsId);
    run(3, "outbound", "drop", "--data-dir", dir.toString(), pacsId);
    run(3, "outbound", "retry", "--data-dir", dir.toString(), "no-such-id");
  }

  private String run(int expectedExit, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = FerryEdge.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    assertEquals(expectedExit, cli.execute(args), err.toString());
    return out.toString();
  }

  private PendingOutput next(String destination) throws InterruptedException {
    return store.next(destination, Duration.ofSeconds(2)).orElseThrow();
  }

  private static DeliveryResult result(DeliveryOutcome outcome, String msa1) {
    return new DeliveryResult(outcome, msa1, msa1.equals("AE") ? "record locked" : "", "test");
  }

  private static IncomingMessage output(String id, String destination, String controlId) {
    byte[] bytes = OutboundRig.hl7(controlId).getBytes(StandardCharsets.UTF_8);
    OutboundEnvelope envelope =
        new OutboundEnvelope(
                OutboundEnvelope.VERSION,
                id,
                "north",
                "oru",
                destination,
                "t",
                null,
                null,
                PayloadDigest.sha256Hex(bytes),
                bytes.length,
                Output.HL7_V2)
            .withInlinePayload(bytes);
    return OutboundEntries.output(envelope, bytes, "m-" + id, Instant.now());
  }
}
