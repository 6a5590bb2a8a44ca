package dev.hl7ferry.edge.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hl7ferry.contract.envelope.EnvelopeJson;
import dev.hl7ferry.contract.envelope.OutboundEnvelope;
import dev.hl7ferry.contract.receipt.DeliveryReceipt;
import dev.hl7ferry.contract.receipt.ReceiptOutcome;
import dev.hl7ferry.core.ack.AckOutcome;
import dev.hl7ferry.edge.cli.FerryEdge;
import dev.hl7ferry.edge.deliver.Destination;
import dev.hl7ferry.edge.deliver.MllpDestination;
import dev.hl7ferry.edge.deliver.ScriptedMllpServer;
import dev.hl7ferry.edge.deliver.ScriptedMllpServer.Reply;
import dev.hl7ferry.edge.sink.MllpSink;
import dev.hl7ferry.edge.spool.EntryState;
import dev.hl7ferry.edge.spool.EntrySummary;
import dev.hl7ferry.edge.spool.SpoolView;
import dev.hl7ferry.infra.local.FreePorts;
import dev.hl7ferry.infra.local.LocalCloud;
import dev.hl7ferry.infra.local.LocalCloudConfig;
import dev.hl7ferry.infra.local.LocalCloudExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbound half against the in-process local cloud, delivering over real sockets to MLLP sinks
 * standing in for hospital systems.
 */
class OutboundDeliveryTest {
  @RegisterExtension static final LocalCloudExtension CLOUD = new LocalCloudExtension();

  @TempDir Path dir;

  private final String run = UUID.randomUUID().toString().substring(0, 8);

  @Test
  void aThousandOutputsReachTheirSinksInOrderWhileOneDestinationIsDownForHalfTheRun()
      throws Exception {
    int total = 1_000;
    int risPort = FreePorts.pick("127.0.0.1");
    try (OutboundRig rig = new OutboundRig(CLOUD.cloud());
        MllpSink lis = sink("lis", 0, AckOutcome.ACCEPT)) {
      int lisPort = lis.start().getPort();
      Map<String, Destination> destinations = new LinkedHashMap<>();
      destinations.put("lis", mllp("lis", lisPort));
      destinations.put("ris", mllp("ris", risPort));
      List<OutboundEnvelope> envelopes = new ArrayList<>();
      for (int i = 0; i < total; i++) {
        String destination = i % 2 == 0 ? "lis" : "ris";
        envelopes.add(rig.envelope(id(i), destination, OutboundRig.hl7(controlId(i)), i % 3 != 0));
      }
      try (OutboundService service = rig.start(dir, OutboundRig.policy(3), destinations)) {
        rig.send(envelopes);
        await(Duration.ofSeconds(60), () -> lis.received() >= total / 4);
        // ris has been down all this while; it comes back for the second half.
        try (MllpSink ris = sink("ris", risPort, AckOutcome.ACCEPT)) {
          ris.start();
          await(Duration.ofSeconds(90), () -> lis.received() + ris.received() >= total);
          assertEquals(controlIds(0, total), receivedControlIds(dir.resolve("sink/lis")));
          assertEquals(controlIds(1, total), receivedControlIds(dir.resolve("sink/ris")));
          List<DeliveryReceipt> receipts = new ArrayList<>();
          await(
              Duration.ofSeconds(30),
              () -> {
                receipts.addAll(mine(rig.takeReceipts()));
                return receipts.size() >= total;
              });
          assertEquals(total, receipts.size());
          assertTrue(receipts.stream().allMatch(r -> r.outcome() == ReceiptOutcome.DELIVERED));
          assertEquals(total, receipts.stream().map(DeliveryReceipt::id).distinct().count());
          assertEquals(0, rig.outboundQueueDepth());
        }
      }
    }
  }

  @Test
  void anApplicationErrorIsDeadLetteredWithAReceiptAndARetryDeliversIt() throws Exception {
    try (OutboundRig rig = new OutboundRig(CLOUD.cloud());
        ScriptedMllpServer lis = ScriptedMllpServer.start().then(Reply.AE)) {
      try (OutboundService service =
          rig.start(dir, OutboundRig.policy(1), Map.of("lis", mllp("lis", lis.port())))) {
        rig.send(
            List.of(
                rig.envelope(id(0), "lis", OutboundRig.hl7(controlId(0)), true),
                rig.envelope(id(1), "lis", OutboundRig.hl7(controlId(1)), true)));
        await(Duration.ofSeconds(30), () -> lis.received().size() >= 2);
        List<DeliveryReceipt> receipts = awaitReceipts(rig, 2);
        DeliveryReceipt dead = receipts.get(0);
        assertEquals(ReceiptOutcome.DEAD_LETTERED, dead.outcome());
        assertEquals(id(0), dead.id());
        assertEquals("AE", dead.msa1());
        assertTrue(dead.msa3().contains("patient record locked"), dead.msa3());
        assertEquals(controlId(0), dead.controlId());
        assertEquals(ReceiptOutcome.DELIVERED, receipts.get(1).outcome());

        List<EntrySummary> deadEntries = list(EntryState.QUARANTINED);
        assertEquals(1, deadEntries.size());
        assertTrue(
            deadEntries.get(0).reason().contains("last MSA-1 AE"), deadEntries.get(0).reason());

        // Beside the running edge, as an operator would.
        int exit =
            FerryEdge.commandLine()
                .execute(
                    "outbound", "retry", "--data-dir", dir.toString(), deadEntries.get(0).id());
        assertEquals(0, exit);
        await(Duration.ofSeconds(30), () -> lis.received().size() >= 3);
        DeliveryReceipt retried = awaitReceipts(rig, 1).get(0);
        assertEquals(ReceiptOutcome.DELIVERED, retried.outcome());
        assertEquals(id(0), retried.id());
        assertEquals("AA", retried.msa1());
        assertEquals(0, list(EntryState.QUARANTINED).size());
      }
    }
  }

  @Test
  void aRejectAndAWrongAckedControlIdAreRetriedUntilAccepted() throws Exception {
    try (OutboundRig rig = new OutboundRig(CLOUD.cloud());
        ScriptedMllpServer lis =
            ScriptedMllpServer.start().then(Reply.AR, Reply.WRONG_CONTROL_ID)) {
      try (OutboundService service =
          rig.start(dir, OutboundRig.policy(1), Map.of("lis", mllp("lis", lis.port())))) {
        rig.send(List.of(rig.envelope(id(0), "lis", OutboundRig.hl7(controlId(0)), true)));
        DeliveryReceipt receipt = awaitReceipts(rig, 1).get(0);
        assertEquals(ReceiptOutcome.DELIVERED, receipt.outcome());
        assertEquals(3, receipt.attempts());
        assertEquals(3, lis.received().size());
        assertEquals(1, list(EntryState.SHIPPED).size());
      }
    }
  }

  @Test
  void badEnvelopesAndUnknownDestinationsAreSetAsideAndTheLineGoesOn() throws Exception {
    try (OutboundRig rig = new OutboundRig(CLOUD.cloud());
        MllpSink lis = sink("lis", 0, AckOutcome.ACCEPT)) {
      int port = lis.start().getPort();
      String good =
          EnvelopeJson.write(rig.envelope(id(0), "lis", OutboundRig.hl7(controlId(0)), true));
      String badDigest =
          EnvelopeJson.write(rig.envelope(id(1), "lis", OutboundRig.hl7(controlId(1)), true))
              .replaceAll("\"sha256\":\"[0-9a-f]{64}\"", "\"sha256\":\"" + "0".repeat(64) + "\"");
      String unknownVersion = good.replace("\"version\":2", "\"version\":9").replace(id(0), id(2));
      String notJson = "this is not an envelope " + run;
      OutboundEnvelope elsewhere = rig.envelope(id(3), "pacs", OutboundRig.hl7(controlId(3)), true);
      String last =
          EnvelopeJson.write(rig.envelope(id(4), "lis", OutboundRig.hl7(controlId(4)), true));
      try (OutboundService service =
          rig.start(dir, OutboundRig.policy(1), Map.of("lis", mllp("lis", port)))) {
        rig.sendRaw(
            List.of(good, badDigest, unknownVersion, notJson, EnvelopeJson.write(elsewhere), last),
            List.of(
                key("lis", "a"),
                key("lis", "b"),
                key("lis", "c"),
                key("lis", "d"),
                key("pacs", "e"),
                key("lis", "f")));
        await(Duration.ofSeconds(30), () -> lis.received() >= 2);
        await(Duration.ofSeconds(10), () -> list(EntryState.QUARANTINED).size() >= 4);
        assertEquals(
            List.of(controlId(0), controlId(4)), receivedControlIds(dir.resolve("sink/lis")));
        List<String> reasons =
            list(EntryState.QUARANTINED).stream().map(EntrySummary::reason).toList();
        assertEquals(4, reasons.size(), reasons.toString());
        // One line per FIFO group: the set-aside lis ones in order, pacs anywhere among them.
        List<String> lisReasons =
            reasons.stream().filter(r -> !r.startsWith("unknown destination")).toList();
        assertTrue(
            lisReasons.get(0).startsWith("payload does not match the envelope"),
            reasons.toString());
        assertTrue(lisReasons.get(1).contains("version 9 is not supported"), reasons.toString());
        assertTrue(lisReasons.get(2).contains("not valid JSON"), reasons.toString());
        assertTrue(reasons.contains("unknown destination pacs"), reasons.toString());
        await(Duration.ofSeconds(10), () -> rig.outboundQueueDepth() == 0);
        List<DeliveryReceipt> receipts = awaitReceipts(rig, 3);
        DeliveryReceipt unknown =
            receipts.stream().filter(r -> r.destination().equals("pacs")).findFirst().orElseThrow();
        assertEquals(ReceiptOutcome.DEAD_LETTERED, unknown.outcome());
        assertEquals(0, unknown.attempts());
        assertEquals("unknown destination pacs", unknown.msa3());
      }
    }
  }

  @Test
  void theLocalBacklogIsDeliveredWhileTheCloudIsDownAndReceiptsFollowWhenItIsBack()
      throws Exception {
    int n = 40;
    int lisPort = FreePorts.pick("127.0.0.1");
    LocalCloudConfig config =
        LocalCloudConfig.defaults()
            .withPorts(FreePorts.pick("127.0.0.1"), FreePorts.pick("127.0.0.1"));
    LocalCloud cloud = LocalCloud.start(config);
    try (OutboundRig rig = new OutboundRig(cloud);
        OutboundService service =
            rig.start(dir, OutboundRig.policy(3), Map.of("lis", mllp("lis", lisPort)))) {
      List<OutboundEnvelope> envelopes = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        envelopes.add(rig.envelope(id(i), "lis", OutboundRig.hl7(controlId(i)), true));
      }
      rig.send(envelopes);
      await(Duration.ofSeconds(30), () -> list(EntryState.RECEIVED).size() == n);
      await(Duration.ofSeconds(10), () -> rig.outboundQueueDepth() == 0);
      cloud.close(); // the cloud goes away with everything taken off the queue
      try (MllpSink lis = sink("lis", lisPort, AckOutcome.ACCEPT)) {
        lis.start();
        await(Duration.ofSeconds(60), () -> lis.received() >= n);
        assertEquals(everyControlId(0, n), receivedControlIds(dir.resolve("sink/lis")));
        // The sink counts an output before its ACK is back; the last group's receipts follow.
        await(Duration.ofSeconds(10), () -> receiptsOnDisk() >= n);
        assertEquals(n, receiptsOnDisk()); // waiting on disk for the cloud
        cloud = LocalCloud.start(config); // back on the same endpoints
        try (OutboundRig back = new OutboundRig(cloud)) {
          List<DeliveryReceipt> receipts = new ArrayList<>();
          await(
              Duration.ofSeconds(30),
              () -> {
                receipts.addAll(mine(back.takeReceipts()));
                return receipts.size() >= n;
              });
          assertEquals(n, receipts.size());
        }
      }
    } finally {
      cloud.close();
    }
  }

  // --- helpers -------------------------------------------------------------------------------

  private String id(int i) {
    return "env-" + run + "-" + i;
  }

  private String controlId(int i) {
    return "C" + run + String.format("%05d", i);
  }

  /** Control ids of outputs first, first+2, ... below total (one destination's share). */
  private List<String> controlIds(int first, int total) {
    List<String> ids = new ArrayList<>();
    for (int i = first; i < total; i += 2) {
      ids.add(controlId(i));
    }
    return ids;
  }

  private List<String> everyControlId(int first, int total) {
    List<String> ids = new ArrayList<>();
    for (int i = first; i < total; i++) {
      ids.add(controlId(i));
    }
    return ids;
  }

  private static String[] key(String group, String dedup) {
    return new String[] {group, dedup + UUID.randomUUID()};
  }

  private MllpSink sink(String name, int port, AckOutcome outcome) throws IOException {
    return new MllpSink("127.0.0.1", port, dir.resolve("sink").resolve(name), outcome);
  }

  private static Destination mllp(String name, int port) {
    return new MllpDestination(
        name, "127.0.0.1", port, Duration.ofMillis(500), Duration.ofSeconds(5));
  }

  /** MSH-10 of the files a sink wrote, in the order it wrote them. */
  static List<String> receivedControlIds(Path sinkDir) {
    try (Stream<Path> files = Files.list(sinkDir)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(name -> name.endsWith(".hl7"))
          .sorted((a, b) -> sequence(a).compareTo(sequence(b)))
          .map(name -> name.substring(0, name.lastIndexOf('-')))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sequence(String fileName) {
    return fileName.substring(fileName.lastIndexOf('-') + 1);
  }

  private List<EntrySummary> list(EntryState state) {
    try (SpoolView view = SpoolView.open(dir.resolve("outbound"))) {
      return view.list(0, 10_000, state);
    }
  }

  private long receiptsOnDisk() {
    try (SpoolView receipts = SpoolView.open(dir.resolve("receipts"))) {
      return receipts.stats().received();
    }
  }

  private List<DeliveryReceipt> mine(List<DeliveryReceipt> receipts) {
    return receipts.stream().filter(r -> r.id().startsWith("env-" + run + "-")).toList();
  }

  private List<DeliveryReceipt> awaitReceipts(OutboundRig rig, int count) throws Exception {
    List<DeliveryReceipt> receipts = new ArrayList<>();
    await(
        Duration.ofSeconds(30),
        () -> {
          receipts.addAll(mine(rig.takeReceipts()));
          return receipts.size() >= count;
        });
    return receipts;
  }

  static void await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + timeout);
      }
      Thread.sleep(50);
    }
  }
}
